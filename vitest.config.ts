import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Three projects so each test runs in the environment it needs:
// - components: Vue components in jsdom (canvas mocked, so chart.js calls are observable);
// - unit: data, content and script logic in plain Node;
// - deck: the real thing (slidev build, Chromium, PDF export). These share one build made
//   in the global setup and run one file at a time: two cores cannot take parallel browsers.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [vue()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/components/**/*.test.ts'],
          setupFiles: ['tests/support/setup-dom.ts'],
        },
      },
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/{content,data,lib,plugins,unit}/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'deck',
          environment: 'node',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/export/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
