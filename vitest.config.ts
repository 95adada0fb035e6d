import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Three projects, each test in the environment it needs: components (Vue in jsdom, canvas mocked
// so chart.js calls are observable); unit (data, content rules, plugins in plain Node); deck (the
// real slidev build, Chromium and PDF export: one shared build made in the global setup, one file
// at a time, since two cores cannot take parallel browsers).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [vue()],
        test: { name: 'components', environment: 'jsdom', include: ['tests/components/**/*.test.ts'], setupFiles: ['tests/support/setup-dom.ts'] },
      },
      {
        test: { name: 'unit', environment: 'node', include: ['tests/{content,data,lib,plugins,unit}/**/*.test.ts'] },
      },
      {
        plugins: [vue()], // a test reads the country colours ChartCanvas.vue exports
        test: {
          name: 'deck',
          environment: 'node',
          include: ['tests/{build,e2e,export}/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
