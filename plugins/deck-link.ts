// The hosted deck as a shared link shows it. Every build: a clean description and author, the Open
// Graph and Twitter tags, and a 1200×630 card image shot from the built cover by the system
// Chromium. With DECK_URL (the deck's address): absolute card URL, og:url, and the address and a
// QR code to it for the Questions slide (components/DeckLink.vue). Run by `npm run build:site`,
// the build puts the PDF and handout just exported (exports/, or DECK_EXPORTS) beside the deck,
// and the deck offers them (setup/download.ts).
import { copyFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import QRCode from 'qrcode'
import type { HtmlTagDescriptor, Plugin } from 'vite'

export const CARD = { file: 'og-image.png', width: 1200, height: 630 }

/** DECK_URL with a trailing slash ('' when unset); anything but an http(s) address stops the build. */
export function deckUrl(value = ''): string {
  if (value && !/^https?:\/\/[^/\s]+\S*$/.test(value))
    throw new Error(`DECK_URL=${value} is not the deck's address: give it as https://host/path/`)
  return value.replace(/(?<=.)\/?$/, '/')
}

export function deckLink(root: string, env = process.env): Plugin {
  const url = deckUrl(env.DECK_URL)
  let [outDir, base, chromium, files] = ['', '/', '', [] as string[]]
  let lib: typeof import('../scripts/lib.mjs') // Chromium and a static server, loaded for builds only
  return {
    name: 'deck-link',
    async config(_, { command }) {
      const name = String((await load({ roots: [root], userRoot: root }, join(root, 'slides.md'))).headmatter.exportFilename)
      files = command === 'build' && env.npm_lifecycle_event === 'build:site' ? [`${name}.pdf`, `${name}-handout.pdf`] : []
      const qr = url && await QRCode.toString(url, { type: 'svg', margin: 2, color: { dark: '#15171b', light: '#ffffff' } })
      const define = { URL: url, QR: qr && `data:image/svg+xml,${encodeURIComponent(qr)}`, PDF: files[0], HANDOUT: files[1] }
      return { define: Object.fromEntries(Object.entries(define).map(([k, v]) => [`import.meta.env.VITE_DECK_${k}`, JSON.stringify(v ?? '')])) }
    },
    async configResolved(config) {
      [outDir, base] = [resolve(config.root, config.build.outDir), config.base]
      if (config.command !== 'build')
        return
      lib = await import('../scripts/lib.mjs')
      try {
        chromium = lib.findChromium(env)
      }
      catch (e) {
        config.logger.warn(`deck-link: no link-preview image in this build (og:image left out). ${(e as Error).message}`)
      }
    },
    transformIndexHtml(html, { server }) {
      if (server)
        return html
      const meta = (key: string, content: string): HtmlTagDescriptor => ({ tag: 'meta', attrs: { [key.startsWith('og:') ? 'property' : 'name']: key, content }, injectTo: 'head' })
      const image = chromium ? [meta('og:image', `${url || base}${CARD.file}`), meta('og:image:width', `${CARD.width}`), meta('og:image:height', `${CARD.height}`)] : []
      return {
        // Slidev 52.20 writes `info` and `author` through JSON.stringify: in quotes, with a literal \n.
        html: html.replace(/(<meta (?:name|property)="(?:description|author|og:description)" content=")&quot;(.*?)&quot;(">)/gs, (_, open: string, value: string, close: string) => `${open}${value.replace(/(?:\\[nrt]|\s)+/g, ' ').trim()}${close}`),
        tags: [meta('og:type', 'website'), ...(url ? [meta('og:url', url)] : []), ...image, meta('twitter:card', chromium ? 'summary_large_image' : 'summary')],
      }
    },
    async closeBundle(error?: Error) {
      if (error)
        return
      await Promise.all(files.map(f => copyFile(join(lib.EXPORTS, f), join(outDir, f))))
      if (!chromium)
        return
      const [server, browser] = await Promise.all([lib.serveStatic(outDir, base), lib.launchChromium()])
      try {
        const page = await browser.newPage({ viewport: { width: CARD.width, height: CARD.height }, colorScheme: 'light', serviceWorkers: 'block' })
        await page.goto(`${server.url}1`, { waitUntil: 'networkidle' })
        await page.locator('.slidev-page-1 .slidev-layout').waitFor()
        // The card is wider than a slide: the bars beside the cover take the cover's own background.
        await page.evaluate(() => document.fonts.ready.then(() => {
          const bg = getComputedStyle(document.querySelector('.slidev-page-1 .slidev-layout')!).backgroundColor
          document.querySelectorAll<HTMLElement>('body, #page-root, #slide-container, #slide-content').forEach((el) => { el.style.background = bg })
        }))
        await page.screenshot({ path: join(outDir, CARD.file) })
      }
      finally {
        await Promise.all([browser.close(), server.close()])
      }
    },
  }
}
