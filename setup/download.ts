/// <reference types="@slidev/types/client" />
// What the build knows about the hosted deck (plugins/deck-link.ts), as import.meta.env values:
// its address and a QR code to it when DECK_URL was set, and the PDF and handout when
// `npm run build:site` put them beside it. components/DeckLink.vue shows them on the Questions slide.
// The config module itself, not @slidev/client: that barrel would pull Slidev's navigation and
// drawing modules into the first load. The button test (tests/e2e/hosting.test.ts) guards the path.
import configs from '#slidev/configs'

declare global {
  interface ImportMetaEnv {
    /** The deck's address, with a trailing slash, or ''. */
    readonly VITE_DECK_URL: string
    /** A QR code to that address, as an SVG data URL, or ''. */
    readonly VITE_DECK_QR: string
    /** File names of the PDF and the handout beside index.html, or ''. */
    readonly VITE_DECK_PDF: string
    readonly VITE_DECK_HANDOUT: string
  }
}

/**
 * Slidev's "Download as PDF" button (navigation bar) shows when its `download` config is set and
 * fetches that URL: the PDF's, under the base, so that it works from /presenter/7 too.
 */
export function setupDownload(env: ImportMetaEnv = import.meta.env): void {
  if (env.VITE_DECK_PDF)
    configs.download = `${env.BASE_URL}${env.VITE_DECK_PDF}`
}
