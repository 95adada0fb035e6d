// chart.js needs a 2D context; jsdom has none. The mock records calls instead of drawing.
import 'vitest-canvas-mock'
