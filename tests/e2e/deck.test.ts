// The built web deck in real Chromium, served from 127.0.0.1 as a static host would, at the root and
// under a sub-path (GitHub Pages project sites, a folder on a conference server: anything fetched
// from outside the base answers 404). A speaker's walk with → and space through every click of
// every slide and back with ←: every slide renders, nothing errors, nothing leaves the machine,
// charts are drawn; deep links, reloads, the presenter view and the overview behave as expected.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { buildDeck, launchChromium, serveStatic } from '../../scripts/lib.mjs'
import type { StaticServer } from '../../scripts/lib.mjs'
import { chartSlides, loadDeck } from '../support/deck'
import type { CanvasInk } from '../support/deck-page'
import { containsOpening, moveWait, position, press, settle, shownHeading, VIEWPORT, waitForCharts, watchPage } from '../support/deck-page'

const { slides } = await loadDeck()
/** The slide a deep link is tested on: /7, or the middle slide of a shorter deck. */
const deepNo = slides.length >= 7 ? 7 : Math.ceil(slides.length / 2)

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/** Visible text (and images, SVG, canvases) of slide `no`, as a quick "did it render" check. */
async function slideContent(page: Page, no: number): Promise<{ text: string, graphics: number }> {
  return page.locator(`#slideshow .slidev-page-${no}`).evaluate(el => ({
    text: (el as HTMLElement).innerText.trim(),
    graphics: el.querySelectorAll('svg, canvas, img').length,
  }))
}

interface SlideVisit {
  no: number
  /** Click steps seen on this slide, in order (0 = entered). */
  clicks: number[]
  text: string
  graphics: number
  /** Every visible canvas at every click step. */
  canvases: CanvasInk[]
  /** Console/page errors, failed or foreign requests while this slide was shown. */
  problems: string[]
}

/** The slides visited; the positions ("no.clicks") → and space reached, and those ← reached back. */
interface Walk { visits: SlideVisit[], forward: string[], backward: string[] }

/**
 * `total`: slides in slides.md (before the last one, → must move on); `alternate`: → and space in
 * turn (both are "next"); `back`: after the end, ← back to the start, recording every step.
 */
interface WalkOptions { total: number, alternate?: boolean, back?: boolean, maxPresses?: number }

/**
 * Opens `url` (the deck's base), then presses → (and space) until the deck stops moving.
 * `take` hands over the problems recorded since its last call.
 */
async function walkDeck(page: Page, url: string, base: string, take: () => string[], options: WalkOptions): Promise<Walk> {
  const max = options.maxPresses ?? 400
  await page.goto(url, { waitUntil: 'networkidle' })
  // The deck's router sends <base> to <base>1 once the app has booted; keys pressed before
  // that would be lost, so wait for it (and for slide 1) first.
  await page.waitForURL(u => /^\d+$/.test(u.pathname.slice(base.length)), { timeout: 30_000 })
  await settle(page, position(page, base).no)
  const visits: SlideVisit[] = []
  const key = (p: { no: number, clicks: number }) => `${p.no}.${p.clicks}`
  let at = position(page, base)
  const forward = [key(at)]
  for (let i = 0; i <= max; i++) {
    let visit = visits.at(-1)
    if (!visit || visit.no !== at.no) {
      await settle(page, at.no)
      const { text, graphics } = await slideContent(page, at.no)
      visit = { no: at.no, clicks: [], text, graphics, canvases: [], problems: [] }
      visits.push(visit)
    }
    visit.clicks.push(at.clicks)
    visit.canvases.push(...await waitForCharts(page, at.no))
    visit.problems.push(...take())
    const next = await press(page, options.alternate && i % 2 ? ' ' : 'ArrowRight', base, moveWait(at, options.total, true))
    if (next.no === at.no && next.clicks === at.clicks)
      break
    at = next
    forward.push(key(at))
  }
  const backward: string[] = []
  if (options.back) {
    for (let i = 0; i <= max; i++) {
      const next = await press(page, 'ArrowLeft', base, moveWait(at, options.total, false))
      if (next.no === at.no && next.clicks === at.clicks)
        break
      at = next
      backward.push(key(at))
    }
    await settle(page, at.no)
    visits.at(-1)?.problems.push(...take())
  }
  return { visits, forward, backward }
}

const SUBPATH = '/some/path/'
async function buildUnderSubpath(): Promise<string> {
  const dir = join(inject('runDir'), 'dist-subpath')
  await buildDeck(dir, ['--base', SUBPATH])
  return dir
}
describe.each([
  { where: 'at the root', base: '/', build: async () => inject('distDir') },
  { where: `built with --base ${SUBPATH}`, base: SUBPATH, build: buildUnderSubpath },
])('the deck $where', ({ base, build }) => {
  let dir: string
  let server: StaticServer
  let walk: Walk
  async function openPage(host = server): Promise<{ page: Page, take: () => string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT })
    return { page, take: watchPage(page, host.origin).take }
  }
  beforeAll(async () => {
    dir = await build()
    server = await serveStatic(dir, base)
    const { page, take } = await openPage()
    walk = await walkDeck(page, server.url, base, take, { total: slides.length, alternate: true, back: true })
    await page.close()
  })
  afterAll(() => server?.close())

  it('→ and space reach every slide once, in order, through every click before leaving it', () => {
    expect(walk.visits.map(v => v.no)).toEqual(slides.map(s => s.no))
    for (const v of walk.visits)
      expect(v.clicks, `slide ${v.no}`).toEqual(v.clicks.map((_, i) => i))
  })

  it('shows content and its heading on every slide', () => {
    for (const v of walk.visits) {
      expect(v.text.length + v.graphics, `slide ${v.no} is empty`).toBeGreaterThan(0)
      const title = shownHeading(slides[v.no - 1]!)
      if (title)
        expect(containsOpening(v.text, title, 20), `slide ${v.no}: "${title}" not on screen`).toBe(true)
    }
  })

  it('logs no error, fails no request, asks no host but 127.0.0.1 and nothing outside the base', () => {
    expect(walk.visits.flatMap(v => v.problems.map(p => `slide ${v.no}: ${p}`))).toEqual([])
  })

  it('← retraces exactly the steps → and space took, click by click, back to slide 1', () => {
    expect(walk.forward[0]).toBe('1.0')
    expect(walk.forward.at(-1)?.split('.')[0]).toBe(String(slides.length))
    expect(walk.backward).toEqual(walk.forward.slice(0, -1).reverse())
  })

  it('draws every chart: each visible canvas has pixels, and each chart slide has a canvas', () => {
    for (const v of walk.visits) {
      for (const c of v.canvases)
        expect(c.inked, `slide ${v.no}: chart "${c.label}" (${c.width}×${c.height}) is blank`).toBeGreaterThan(0.005 * c.width * c.height)
    }
    for (const s of chartSlides(slides))
      expect(walk.visits[s.no - 1]?.canvases.length ?? 0, `slide ${s.no} uses a chart but showed no canvas`).toBeGreaterThan(0)
  })

  it('opening a slide\'s address directly (/7 and the last) shows it, and a reload keeps it', async () => {
    const { page, take } = await openPage()
    for (const no of new Set([deepNo, slides.length])) {
      const res = await page.goto(`${server.url}${no}`, { waitUntil: 'networkidle' })
      expect(res?.status(), `${base}${no}`).toBe(200)
      for (const when of ['opened', 'reloaded']) {
        if (when === 'reloaded')
          await page.reload({ waitUntil: 'networkidle' })
        await settle(page, no)
        expect(position(page, base).no, `${base}${no} ${when}`).toBe(no)
        const title = shownHeading(slides[no - 1]!)
        if (title)
          expect(containsOpening(await page.locator(`.slidev-page-${no}`).innerText(), title, 20), `${base}${no} ${when}`).toBe(true)
      }
    }
    expect(take()).toEqual([])
    await page.close()
  })

  it('boots on the linked slide when served like GitHub Pages (404.html, status 404, for any unknown path)', async () => {
    const pages = await serveStatic(dir, base, { fallback: 'pages' })
    const { page, take } = await openPage(pages)
    const res = await page.goto(`${pages.url}${deepNo}`, { waitUntil: 'networkidle' })
    expect(res?.status()).toBe(404)
    await settle(page, deepNo)
    expect(position(page, base).no).toBe(deepNo)
    // The document's own 404 is how Pages answers a deep link; nothing else may fail.
    expect(take().filter(p => !p.includes(`${pages.url}${deepNo}`))).toEqual([])
    await page.close()
    await pages.close()
  })

  it('the presenter view at presenter/N shows slide N\'s notes, and → moves them on to the next slide\'s', async () => {
    const { page, take } = await openPage()
    const presenter = `${base}presenter/`
    await page.goto(`${server.url}presenter/${deepNo}`, { waitUntil: 'networkidle' })
    const notes = page.locator('.slidev-presenter .slidev-note').first()
    const note = slides[deepNo - 1]!.note
    expect(note, `slide ${deepNo} has no notes to show`).not.toBe('')
    await expect.poll(async () => containsOpening(await notes.innerText(), note), { timeout: 15_000 }).toBe(true)
    // Next with → until the slide changes (it may have clicks); the notes follow.
    const next = slides[deepNo]
    if (next?.note) {
      for (let i = 0; i < 50 && position(page, presenter).no === deepNo; i++)
        await press(page, 'ArrowRight', presenter, 15_000)
      expect(position(page, presenter).no).toBe(deepNo + 1)
      await expect.poll(async () => containsOpening(await notes.innerText(), next.note), { timeout: 15_000 }).toBe(true)
    }
    expect(take()).toEqual([])
    await page.close()
  })

  it('the overview lists every slide, with its heading', async () => {
    const { page, take } = await openPage()
    await page.goto(`${server.url}overview`, { waitUntil: 'networkidle' })
    await page.locator('.overview-slide-block').first().waitFor()
    const listed = await page.locator('.overview-slide-block [data-slidev-no]').evaluateAll(els => els.map(e => Number(e.getAttribute('data-slidev-no'))))
    expect([...new Set(listed)].sort((a, b) => a - b)).toEqual(slides.map(s => s.no))
    const text = await page.locator('body').innerText()
    for (const s of slides.filter(s => shownHeading(s)))
      expect(containsOpening(text, shownHeading(s), 20), `overview misses slide ${s.no} "${shownHeading(s)}"`).toBe(true)
    expect(take()).toEqual([])
    await page.close()
  })
})
