// Offline for the speaker (setup/offline.ts saves the whole deck from the presenter view), a
// listener's first visit no heavier for it: the service worker installs with the page shell only
// and keeps each built file as it is opened. Build only (`slidev dev` and `export` have no
// worker); it follows Vite's base. Not Slidev's `pwa` option (no icons, so not installable;
// /presenter/ fails to reload offline); never both: two workers would fight over the scope.
import type { Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { DECK_CACHE, FILE_LIST } from '../setup/offline.ts'

export const offlineDeck = (): Plugin[] => [
  // setup/offline.ts registers the worker and links public/manifest.webmanifest (presenter view only).
  ...VitePWA({
    injectRegister: false,
    manifest: false,
    workbox: {
      // The shell, so that deep links (/7, /presenter/1) open offline.
      globPatterns: ['{index.html,favicon.svg}'],
      navigateFallback: 'index.html',
      // A link to a file beside the deck (the PDFs) opens that file, not the deck.
      navigateFallbackDenylist: [/\/[^/?]+\.[a-z0-9]+$/i],
      // Built file names carry a content hash: one in the cache never goes stale. The list of
      // them is fetched fresh when online, from the cache when not.
      runtimeCaching: [
        { urlPattern: ({ sameOrigin, url }) => sameOrigin && url.pathname.includes('/assets/'), handler: 'CacheFirst', options: { cacheName: DECK_CACHE } },
        { urlPattern: new RegExp(`/${FILE_LIST}$`), handler: 'NetworkFirst', options: { cacheName: DECK_CACHE } },
      ],
      cleanupOutdatedCaches: true,
      skipWaiting: true,
    },
  }),
  // The list of built files the presenter view saves.
  { name: 'deck-file-list', config: () => ({ build: { manifest: FILE_LIST } }) },
]
