// What the static hosts and the audience get from the hosted deck: the fallbacks the hosts rely on,
// link previews (description, Open Graph, the card image), the deck's address and QR code on the
// Questions slide, and the PDF on offer from `npm run build:site`; and the hosting files. The
// browser side of deep links and sub-paths is in deck.test.ts.
import { readFileSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, pdfPages, ROOT, run, serveStatic } from '../../scripts/lib.mjs'
import type { StaticServer } from '../../scripts/lib.mjs'
import { loadDeck } from '../support/deck'
import { settle, VIEWPORT } from '../support/deck-page'

const distDir = inject('distDir')
const { slides } = await loadDeck()
const QUESTIONS = slides.find(s => s.content.includes('wc-deck-link'))!.no

/** The content of each <meta> in a built index.html, by name or property. */
function metaTags(dir: string): Record<string, string> {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  return Object.fromEntries([...html.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)"/g)].map(m => [m[1]!, m[2]!]))
}
/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file)
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}
/** The Questions slide as the audience opens it, with the navigation bar shown (mouse at the bottom). */
async function questions(browser: Browser, server: StaticServer): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 2 })
  await page.goto(`${server.url}${QUESTIONS}`, { waitUntil: 'networkidle' })
  await settle(page, QUESTIONS)
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height - 10)
  return page
}
/** What a phone camera would read from the QR code, as shown on the slide (decoded with jsQR). */
async function scan(page: Page): Promise<string | undefined> {
  const png = (await page.locator('.wc-deck-link img').screenshot()).toString('base64')
  const { width, height, data } = await page.evaluate(async (b64) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob())
    const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d')!
    ctx.drawImage(image, 0, 0)
    return { width: image.width, height: image.height, data: [...ctx.getImageData(0, 0, image.width, image.height).data] }
  }, png)
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data
}

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

describe('the build, as static hosts need it', () => {
  it('has a 404.html identical to index.html, for GitHub Pages deep links', async () => {
    const [index, notFound] = await Promise.all([readFile(join(distDir, 'index.html'), 'utf8'), readFile(join(distDir, '404.html'), 'utf8')])
    expect(notFound).toBe(index)
  })

  it('has a _redirects SPA rule (Netlify, Cloudflare Pages) and a .nojekyll', async () => {
    expect(await readFile(join(distDir, '_redirects'), 'utf8')).toMatch(/^\/\*\s+\/index\.html\s+200$/m)
    expect((await stat(join(distDir, '.nojekyll'))).isFile()).toBe(true)
  })
})

describe('link previews and the Questions slide, built without DECK_URL', () => {
  const meta = metaTags(distDir)

  it('gives a description and author as written, without quotes or a literal \\n', () => {
    for (const key of ['description', 'og:description', 'author']) {
      expect(meta[key], key).toBeTruthy()
      expect(meta[key], key).not.toMatch(/^&quot;|&quot;$|\\n|\s{2}/)
    }
    expect(meta.description).toMatch(/^A 20-minute talk .* \(The Diplomat, April 2023\)\.$/)
  })

  it('has the Open Graph and Twitter tags, and a card image that is in the build at 1200 × 630', () => {
    expect(meta).toMatchObject({ 'og:type': 'website', 'twitter:card': 'summary_large_image' })
    expect(meta['og:title']).toContain('Washington')
    // No address known: the image under the base, where chat apps resolve it against the page.
    expect(meta['og:image']).toBe('/og-image.png')
    expect(meta['og:url']).toBeUndefined()
    expect(pngSize(join(distDir, meta['og:image']!))).toEqual([1200, 630])
  })

  it('shows no QR code, no address and no download on the Questions slide', async () => {
    const server = await serveStatic(distDir)
    try {
      const page = await questions(browser, server)
      expect(await page.locator('.wc-deck-link *').count()).toBe(0)
      expect(await page.locator('.wc-deck-link').isVisible()).toBe(false)
      expect(await page.getByRole('button', { name: 'Download as PDF' }).count()).toBe(0)
    }
    finally {
      await server.close()
    }
  })
})

// The hosting build as the Pages workflow runs it (exports the PDF and handout into exports/,
// then builds with them beside the deck), under a sub-path, with the deck's address known.
describe('npm run build:site with DECK_URL, under a sub-path', () => {
  const [url, base] = ['https://example.org/washingtons-court/', '/washingtons-court/']
  const out = join(inject('runDir'), 'site')
  let server: StaticServer
  let page: Page
  beforeAll(async () => {
    const built = await run('npm', ['run', '--silent', 'build:site', '--', '--base', base, '--out', out], { DECK_URL: url, NODE_ENV: undefined, DECK_EXPORTS: join(inject('runDir'), 'site-exports') })
    expect(built.code, built.stderr || built.stdout).toBe(0)
    server = await serveStatic(out, base)
    page = await questions(browser, server)
  })
  afterAll(() => server?.close())

  it('points the preview at the card image by its absolute address', () => {
    const meta = metaTags(out)
    expect(meta).toMatchObject({ 'og:url': url, 'og:image': `${url}og-image.png`, 'twitter:card': 'summary_large_image' })
    expect(pngSize(join(out, 'og-image.png'))).toEqual([1200, 630])
  })

  it('shows a QR code that scans to the deck\'s address, and the address beside it', async () => {
    expect(await scan(page)).toBe(url)
    const address = page.locator('.wc-deck-link a', { hasText: 'example.org/washingtons-court' })
    expect(await address.getAttribute('href')).toBe(url)
  })

  it('downloads the PDF from Slidev\'s navigation button: one page per slide', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as PDF' }).click()])
    expect(new URL(download.url()).pathname).toBe(`${base}washingtons-court.pdf`)
    expect(pdfPages(await download.path())).toBe(slides.length)
  })

  it('links the PDF and the handout from the Questions slide, both served from the build', async () => {
    for (const name of ['Slides (PDF)', 'Handout with notes (PDF)']) {
      const href = await page.getByRole('link', { name }).getAttribute('href')
      const res = await page.request.get(new URL(href!, server.origin).href)
      expect([res.status(), (await res.body()).subarray(0, 5).toString()], name).toEqual([200, '%PDF-'])
    }
  })

  it('with the service worker in control, the PDF link opens the PDF, not the deck', async () => {
    const reader = await browser.newPage()
    await reader.goto(`${server.url}${QUESTIONS}`, { waitUntil: 'networkidle' })
    await reader.evaluate(() => navigator.serviceWorker.ready)
    await reader.reload({ waitUntil: 'networkidle' })
    expect(await reader.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
    const pdf = new URL((await reader.getByRole('link', { name: 'Slides (PDF)' }).getAttribute('href'))!, reader.url()).href
    const [res] = await Promise.all([reader.waitForResponse(pdf), reader.goto(pdf).catch(() => null)])
    expect(res.headers()['content-type']).toMatch(/^application\/pdf/)
    await reader.close()
  })
})

describe('hosting files', () => {
  const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()

  it('.nvmrc names Node 24, which package.json\'s engines accept', () => {
    expect(nvmrc).toBe('24')
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node).toMatch(/>=22\.12\.0$/)
  })

  it('netlify.toml builds into dist with the site\'s address, takes Node from .nvmrc, rewrites unknown paths with 200', async () => {
    const toml = await readFile(join(ROOT, 'netlify.toml'), 'utf8')
    expect(toml).toMatch(/^\s*publish\s*=\s*"dist"/m)
    expect(toml).toMatch(/^\s*command\s*=\s*"DECK_URL=\$URL npm run build(?::without-notes|:site)?"/m)
    expect(toml).not.toMatch(/^\s*NODE_VERSION\s*=/m) // Netlify reads .nvmrc when this is unset
    expect(toml).toMatch(/\[\[redirects\]\]\s*\n\s*from\s*=\s*"\/\*"\s*\n\s*to\s*=\s*"\/index\.html"\s*\n\s*status\s*=\s*200/)
  })

  it('the Pages workflow: Node from .nvmrc, Node 24 actions, checks before it deploys, base path and address set once', async () => {
    const yml = await readFile(join(ROOT, '.github', 'workflows', 'pages.yml'), 'utf8')
    expect(yml).toMatch(/node-version-file: \.nvmrc/)
    expect(yml).not.toMatch(/node-version:/)
    // The first majors of each action that run on GitHub's Node 24 action runtime.
    const node24 = { 'checkout': 5, 'setup-node': 5, 'configure-pages': 6, 'upload-pages-artifact': 5, 'deploy-pages': 5 }
    for (const [action, major] of Object.entries(node24))
      expect(Number(new RegExp(`actions/${action}@v(\\d+)`).exec(yml)?.[1]), action).toBeGreaterThanOrEqual(major)
    expect(yml.match(/DECK_BASE=/g)).toHaveLength(1)
    expect(yml.match(/DECK_URL=/g)).toHaveLength(1)
    const steps = ['npm run typecheck', '--project unit', '--project components', 'npm run build:site -- --base "$DECK_BASE"', 'actions/upload-pages-artifact@']
    expect(steps.map(s => yml.indexOf(s))).toEqual(steps.map(s => yml.indexOf(s)).sort((a, b) => a - b))
    expect(steps.filter(s => !yml.includes(s))).toEqual([])
  })
})
