import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// Slidev merges this file into its own Vite config (dev, build and export).
//
// Data validation: importing every data module runs its zod schema as the config loads, so a
// bad record (say a date of 2019-13-45) stops `slidev dev`, `slidev build` and `slidev export`
// with a message naming the file, the record and the field, before any page is built.
import './snippets/index'

// Performance (issue 6): build-only trims for the hosted deck's first load; see the plugin file
// and README "Performance". Dev and PDF export are untouched.
import { deckPerformance } from './scripts/vite-deck-performance'

export default defineConfig({
  plugins: [
    deckPerformance(fileURLToPath(new URL('.', import.meta.url))), // performance (issue 6)
  ],
  // Shared file: the performance and offline/PWA work add their settings here.
})
