// Offline after the first visit: a service worker precaches every built file, so the hosted deck
// works with the network gone and installs as an app. Build only (off in `slidev dev` and so in
// `export`); it follows Vite's base (`slidev build --base /talk/`). Not Slidev's `pwa` option (no
// icons, so not installable; /presenter/ fails to reload offline); never both: two workers would
// fight over the scope.
import { VitePWA } from 'vite-plugin-pwa'

export const offlineDeck = () => VitePWA({
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
    // A new deploy's worker takes over at once. No clientsClaim: taking over the page that
    // installed the worker aborted its in-flight font requests; once installed, the next load
    // (online or not) is served from the cache anyway.
    skipWaiting: true,
  },
})
