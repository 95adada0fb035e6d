import { vi } from 'vitest'

/*
 * What jsdom lacks for a real chart.js to lay out and draw (canvas itself is mocked by
 * vitest-canvas-mock in tests/support/setup-dom.ts): element sizes, ResizeObserver and
 * matchMedia. The palette comes from styles/theme.css's light values, set on <html> as
 * the real stylesheet would.
 */
export const PALETTE = {
  '--wc-bg': '#fbfaf7',
  '--wc-fg': '#1c1f24',
  '--wc-muted': '#555b66',
  '--wc-rule': '#d9d6cf',
  '--wc-us': '#0b5fa5',
  '--wc-jp': '#a84300',
  '--wc-kr': '#00745a',
  '--wc-neutral': '#5f6672',
  '--wc-accent': '#9c1c5b',
  '--wc-font-sans': 'Inter, sans-serif',
} as const

export function installDomStubs(options: { reducedMotion?: boolean } = {}): void {
  vi.stubGlobal('ResizeObserver', class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  })
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: options.reducedMotion === true && query.includes('prefers-reduced-motion: reduce'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }))
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300)
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(
    { x: 0, y: 0, top: 0, left: 0, right: 800, bottom: 300, width: 800, height: 300, toJSON: () => ({}) },
  )
  for (const [name, value] of Object.entries(PALETTE))
    document.documentElement.style.setProperty(name, value)
}
