import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, serveStatic } from '../../scripts/lib.mjs'
import type { StaticServer } from '../../scripts/lib.mjs'

const distDir = inject('distDir')

/** src/href/url() values in HTML or CSS that load something. */
function loads(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)) found.push(m[1]!)
  for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) found.push(m[1]!)
  for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) found.push(m[1]!)
  return found
}
const isRemote = (u: string) => /^(?:https?:)?\/\//i.test(u)

describe('slidev build', () => {
  it('writes an index.html that loads nothing from another host', async () => {
    const html = await readFile(join(distDir, 'index.html'), 'utf8')
    expect(html).toContain('<div id="app">')
    expect(loads(html).filter(isRemote)).toEqual([])
  })

  it('ships stylesheets that load no remote font or image', async () => {
    const assets = await readdir(join(distDir, 'assets'), { recursive: true })
    const css = assets.filter(f => f.endsWith('.css'))
    expect(css.length).toBeGreaterThan(0)
    for (const file of css) {
      const text = await readFile(join(distDir, 'assets', file), 'utf8')
      expect(loads(text).filter(isRemote), file).toEqual([])
    }
  })

  it('bundles the fonts and a local favicon', async () => {
    const assets = await readdir(join(distDir, 'assets'), { recursive: true })
    expect(assets.some(f => /inter-latin-400-normal.*\.woff2$/.test(f))).toBe(true)
    expect(assets.some(f => /source-serif-4-latin-600-normal.*\.woff2$/.test(f))).toBe(true)
    await expect(readFile(join(distDir, 'favicon.svg'), 'utf8')).resolves.toContain('<svg')
  })
})

describe('the built deck in Chromium', () => {
  let server: StaticServer
  let browser: Browser
  beforeAll(async () => {
    server = await serveStatic(distDir)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows slide 1 and requests nothing from another host', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const foreign: string[] = []
    page.on('request', (req) => {
      const url = new URL(req.url())
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== server.origin)
        foreign.push(req.url())
    })
    await page.goto(server.url, { waitUntil: 'networkidle' })
    await expect.poll(() => page.locator('.slidev-page-1 h1').textContent()).toMatch(/Washington/)
    // Let the font faces the first slide uses load, then check again.
    await page.evaluate(() => document.fonts.ready)
    expect(foreign).toEqual([])
    const fonts = await page.evaluate(() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family))
    expect(fonts.join()).toMatch(/Inter/)
    await page.close()
  })
})
