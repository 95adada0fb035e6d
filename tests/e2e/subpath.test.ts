// The deck hosted under a sub-path (GitHub Pages project sites, a folder on a conference
// server): a build with --base served only under that path passes the same slide walk, and
// deep links and reloads work there too. Anything fetched from outside the base answers 404 and
// fails the walk.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { chartSlides } from '../support/charts'
import { loadDeck } from '../support/deck'
import { containsOpening, position, settle, shownHeading, VIEWPORT, watchPage } from '../support/deck-page'
import { buildDeck } from '../support/run'
import { serveStatic } from '../support/static-server'
import type { StaticServer } from '../support/static-server'
import { walkDeck } from '../support/walk'
import type { SlideVisit } from '../support/walk'

const BASE = '/some/path/'
const { slides } = await loadDeck()

let server: StaticServer
let browser: Browser
const out = join(inject('runDir'), 'dist-subpath')

beforeAll(async () => {
  await buildDeck(out, ['--base', BASE])
  server = await serveStatic(out, BASE)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe(`the deck built with --base ${BASE}`, () => {
  let visits: SlideVisit[]
  beforeAll(async () => {
    const page = await browser.newPage({ viewport: VIEWPORT })
    const { take } = watchPage(page, server.origin)
    visits = (await walkDeck(page, server.url, BASE, take, { total: slides.length })).visits
    await page.close()
  })

  it('walks every slide in order with → and shows its heading', () => {
    expect(visits.map(v => v.no)).toEqual(slides.map(s => s.no))
    for (const v of visits) {
      expect(v.text.length + v.graphics, `slide ${v.no} is empty`).toBeGreaterThan(0)
      const heading = shownHeading(slides[v.no - 1]!)
      if (heading)
        expect(containsOpening(v.text, heading, 20), `slide ${v.no}: "${heading}" not on screen`).toBe(true)
    }
  })

  it('loads everything from under the base path: no error, no 404, no other host', () => {
    expect(visits.flatMap(v => v.problems.map(p => `slide ${v.no}: ${p}`))).toEqual([])
  })

  it('draws every chart', () => {
    for (const v of visits) {
      for (const c of v.canvases)
        expect(c.inked, `slide ${v.no}: chart "${c.label}" is blank`).toBeGreaterThan(0.005 * c.width * c.height)
    }
    for (const s of chartSlides(slides))
      expect(visits[s.no - 1]?.canvases.length ?? 0, `slide ${s.no} uses a chart but showed no canvas`).toBeGreaterThan(0)
  })

  it('opens a slide from a deep link under the base (/7 or the middle, and the last), and a reload keeps it', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT })
    const { take } = watchPage(page, server.origin)
    const targets = [...new Set([slides.length >= 7 ? 7 : Math.ceil(slides.length / 2), slides.length])]
    for (const no of targets) {
      const res = await page.goto(`${server.url}${no}`, { waitUntil: 'networkidle' })
      expect(res?.status(), `${BASE}${no}`).toBe(200)
      await settle(page, no)
      expect(position(page, BASE).no, `${BASE}${no}`).toBe(no)
      const heading = shownHeading(slides[no - 1]!)
      if (heading)
        expect(containsOpening(await page.locator(`.slidev-page-${no}`).innerText(), heading, 20)).toBe(true)
      await page.reload({ waitUntil: 'networkidle' })
      await settle(page, no)
      expect(position(page, BASE).no, `${BASE}${no} after reload`).toBe(no)
    }
    expect(take()).toEqual([])
    await page.close()
  })

  it('serves the presenter view under the base', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT })
    const { take } = watchPage(page, server.origin)
    await page.goto(`${server.url}presenter/1`, { waitUntil: 'networkidle' })
    await expect.poll(async () => containsOpening(await page.locator('.slidev-presenter .slidev-note').first().innerText(), slides[0]!.note), { timeout: 15_000 }).toBe(true)
    expect(take()).toEqual([])
    await page.close()
  })

  it('boots on the linked slide when served like GitHub Pages (404.html, status 404, for any unknown path)', async () => {
    const pages = await serveStatic(out, BASE, { fallback: 'pages' })
    const page = await browser.newPage({ viewport: VIEWPORT })
    const { take } = watchPage(page, pages.origin)
    const no = slides.length >= 7 ? 7 : Math.ceil(slides.length / 2)
    const res = await page.goto(`${pages.url}${no}`, { waitUntil: 'networkidle' })
    expect(res?.status()).toBe(404)
    await settle(page, no)
    expect(position(page, BASE).no).toBe(no)
    // The document's own 404 is how Pages answers a deep link; nothing else may fail.
    expect(take().filter(p => !p.includes(`${pages.url}${no}`))).toEqual([])
    await page.close()
    await pages.close()
  })
})
