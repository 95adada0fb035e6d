// The built web deck in real Chromium, served from 127.0.0.1 as a static host would: every slide
// renders, nothing errors, nothing leaves the machine, charts are drawn, and the keyboard, deep
// links, presenter view and overview behave as a speaker expects.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { chartSlides } from '../support/charts'
import { loadDeck } from '../support/deck'
import type { DeckSlide } from '../support/deck'
import { containsOpening, position, press, settle, shownHeading, VIEWPORT, watchPage } from '../support/deck-page'
import { serveStatic } from '../support/static-server'
import type { StaticServer } from '../support/static-server'
import { walkDeck } from '../support/walk'
import type { SlideVisit, Walk } from '../support/walk'

const distDir = inject('distDir')

let server: StaticServer
let browser: Browser
let slides: DeckSlide[]

beforeAll(async () => {
  slides = (await loadDeck()).slides
  server = await serveStatic(distDir)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function openPage(): Promise<{ page: Page, take: () => string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT })
  return { page, take: watchPage(page, server.origin).take }
}

/** The slide a deep link is tested on: /7, or the middle slide of a shorter deck. */
const deepNo = () => (slides.length >= 7 ? 7 : Math.ceil(slides.length / 2))

describe('walking the deck with → and space from slide 1, then back with ←', () => {
  let visits: SlideVisit[]
  let walk: Walk
  beforeAll(async () => {
    const { page, take } = await openPage()
    walk = await walkDeck(page, server.url, '/', take, { total: slides.length, alternate: true, back: true })
    visits = walk.visits
    await page.close()
  })

  it('reaches every slide once, in order', () => {
    expect(visits.map(v => v.no)).toEqual(slides.map(s => s.no))
  })

  it('shows content on every slide', () => {
    for (const v of visits)
      expect(v.text.length + v.graphics, `slide ${v.no} is empty`).toBeGreaterThan(0)
  })

  it('shows each slide\'s heading', () => {
    for (const v of visits) {
      const title = shownHeading(slides[v.no - 1]!)
      if (title)
        expect(containsOpening(v.text, title, 20), `slide ${v.no}: "${title}" not on screen`).toBe(true)
    }
  })

  it('logs no error, fails no request and asks no host but 127.0.0.1', () => {
    const problems = visits.flatMap(v => v.problems.map(p => `slide ${v.no}: ${p}`))
    expect(problems).toEqual([])
  })

  it('steps through every click of a slide before leaving it', () => {
    for (const v of visits)
      expect(v.clicks, `slide ${v.no}`).toEqual(v.clicks.map((_, i) => i))
  })

  it('← retraces exactly the steps → and space took, click by click, back to slide 1', () => {
    expect(walk.forward[0]).toBe('1.0')
    expect(walk.forward.at(-1)?.split('.')[0]).toBe(String(slides.length))
    expect(walk.backward).toEqual(walk.forward.slice(0, -1).reverse())
  })

  it('draws every chart: each visible canvas has pixels, and each chart slide has a canvas', () => {
    for (const v of visits) {
      for (const c of v.canvases)
        expect(c.inked, `slide ${v.no}: chart "${c.label}" (${c.width}×${c.height}) is blank`).toBeGreaterThan(0.005 * c.width * c.height)
    }
    for (const s of chartSlides(slides))
      expect(visits[s.no - 1]?.canvases.length ?? 0, `slide ${s.no} uses a chart but showed no canvas`).toBeGreaterThan(0)
  })
})

describe('deep links', () => {
  it('opening /N directly shows slide N, and a reload keeps it', async () => {
    const no = deepNo()
    const { page, take } = await openPage()
    const res = await page.goto(`${server.url}${no}`, { waitUntil: 'networkidle' })
    expect(res?.status()).toBe(200)
    await settle(page, no)
    expect(position(page, '/').no).toBe(no)
    const title = shownHeading(slides[no - 1]!)
    const text = () => page.locator(`.slidev-page-${no}`).innerText()
    if (title)
      expect(containsOpening(await text(), title, 20)).toBe(true)
    await page.reload({ waitUntil: 'networkidle' })
    await settle(page, no)
    expect(position(page, '/').no).toBe(no)
    if (title)
      expect(containsOpening(await text(), title, 20)).toBe(true)
    expect(take()).toEqual([])
    await page.close()
  })
})

describe('presenter view', () => {
  it('/presenter/N shows slide N\'s notes, and → moves them on to the next slide\'s', async () => {
    const no = deepNo()
    const { page, take } = await openPage()
    await page.goto(`${server.url}presenter/${no}`, { waitUntil: 'networkidle' })
    const notes = page.locator('.slidev-presenter .slidev-note').first()
    const note = slides[no - 1]!.note
    expect(note, `slide ${no} has no notes to show`).not.toBe('')
    await expect.poll(async () => containsOpening(await notes.innerText(), note), { timeout: 15_000 }).toBe(true)
    // Next with → until the slide changes (it may have clicks); the notes follow.
    const next = slides[no]
    if (next?.note) {
      for (let i = 0; i < 50 && position(page, '/presenter/').no === no; i++)
        await press(page, 'ArrowRight', '/presenter/', 15_000)
      expect(position(page, '/presenter/').no).toBe(no + 1)
      await expect.poll(async () => containsOpening(await notes.innerText(), next.note), { timeout: 15_000 }).toBe(true)
    }
    expect(take()).toEqual([])
    await page.close()
  })
})

describe('overview', () => {
  it('/overview lists every slide', async () => {
    const { page, take } = await openPage()
    await page.goto(`${server.url}overview`, { waitUntil: 'networkidle' })
    await page.locator('.overview-slide-block').first().waitFor()
    const listed = await page.locator('.overview-slide-block [data-slidev-no]').evaluateAll(els => els.map(e => Number(e.getAttribute('data-slidev-no'))))
    expect([...new Set(listed)].sort((a, b) => a - b)).toEqual(slides.map(s => s.no))
    // Each entry shows its slide: the title of every titled slide is on the page.
    const text = await page.locator('body').innerText()
    for (const s of slides.filter(s => shownHeading(s)))
      expect(containsOpening(text, shownHeading(s), 20), `overview misses slide ${s.no} "${shownHeading(s)}"`).toBe(true)
    expect(take()).toEqual([])
    await page.close()
  })
})
