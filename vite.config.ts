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

// Offline/PWA (issue 7): see the block below.
import { VitePWA } from 'vite-plugin-pwa'

// --- Offline after first visit (issue 7) --------------------------------------------------
// A service worker precaches every built file (scripts, styles, fonts, icons), so the hosted
// deck, once loaded, keeps working with the network gone and can be installed as an app.
// Build only (vite-plugin-pwa is off in `slidev dev` and so in `slidev export`). Scope,
// start_url and the worker's URL follow Vite's base, so `slidev build --base /talk/` works.
// Done here rather than with Slidev's `pwa` headmatter option because that one leaves the
// manifest without icons (not installable) and skips /presenter/ on an offline reload.
// Do not also turn on `pwa:` in slides.md: two service workers would fight over the scope.
const offlineDeck = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script-defer',
  manifest: {
    name: 'The Ball Is in Washington\'s Court',
    short_name: 'Washington\'s Court',
    description: 'A 20-minute talk on the Japan–South Korea summit of March 2023.',
    display: 'fullscreen',
    background_color: '#15171b',
    theme_color: '#15171b',
    icons: [
      { src: 'pwa-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'pwa-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,woff2,woff,svg,png,ico,webmanifest}'],
    navigateFallback: 'index.html',
    // Workbox silently skips files over 2 MiB; a larger image added later must still be precached.
    maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    // A new deploy's worker takes over at once. No clientsClaim: switching the page that
    // installed the worker over mid-load aborted its in-flight font requests (seen in the browser
    // tests); the files are cached once installed, and the next load, online or not, uses them.
    skipWaiting: true,
  },
})
// ------------------------------------------------------------------------------------------

export default defineConfig({
  plugins: [
    deckPerformance(fileURLToPath(new URL('.', import.meta.url))), // performance (issue 6)
    offlineDeck, // offline/PWA (issue 7)
  ],
  // Performance (issue 6): PDF export speed and reliability. chart.js and zod/mini are reached only
  // through auto-imported components, which Vite's dependency scan cannot see: found mid-load,
  // they made the dev server re-bundle and reload the page, and `slidev export` then printed
  // blank pages now and then. Pre-bundle them up front instead.
  optimizeDeps: { include: ['chart.js', 'zod/mini'] },
  // Builds written inside the project (test and bench output under .cache/, dist/) contain
  // index.html files; Vite reloads the page when one changes, which blanks an export in progress.
  server: { watch: { ignored: ['**/.cache/**', '**/dist/**', '**/exports/**'] } },
  // `npm run export` gives its dev server a dependency cache of its own (see scripts/export.mjs).
  ...(process.env.DECK_VITE_CACHE_DIR ? { cacheDir: process.env.DECK_VITE_CACHE_DIR } : {}),
  // Shared file: the performance and offline/PWA work add their settings here.
})
