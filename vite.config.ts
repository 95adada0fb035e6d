// Slidev merges this config into its own for `slidev dev`, `build` and `export`.
// Importing the data first runs every zod schema as the config loads: a bad record stops dev,
// build and export with the file, the record and the field named, before any page is built.
import './snippets/index.ts'
import { defineConfig } from 'vite'
import { bundleTrims } from './plugins/bundle-trims.ts'
import { deckCheck } from './plugins/deck-check.ts'
import { deckLink } from './plugins/deck-link.ts'
import { deckFonts } from './plugins/fonts.ts'
import { offlineDeck } from './plugins/offline.ts'

const root = import.meta.dirname

export default defineConfig({
  plugins: [
    // The deck's rules: a broken slide stops dev, build and export, naming the slide and the value.
    deckCheck(root),
    deckFonts(root),
    bundleTrims(root),
    offlineDeck(),
    deckLink(root),
  ],
  // chart.js and zod/mini are reached only through auto-imported components, which Vite's
  // dependency scan cannot see: found mid-load, they would make the dev server re-bundle and
  // reload the page under an export. Pre-bundle them up front.
  optimizeDeps: { include: ['chart.js', 'zod/mini'] },
  // Builds and exports inside the project hold index.html files; Vite reloads the page when one
  // changes, which blanks an export in progress.
  server: { watch: { ignored: ['**/.cache/**', '**/dist/**', '**/exports/**'] } },
  // Exports run their dev server on a dependency cache of their own (startDeck in scripts/lib.mjs).
  ...(process.env.DECK_VITE_CACHE_DIR ? { cacheDir: process.env.DECK_VITE_CACHE_DIR } : {}),
})
