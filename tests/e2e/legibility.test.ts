// Legible from the back row, on the built deck with every slide in print mode (`/N?print`: every
// click shown, on the 980-px canvas): no text under 12 px except in the sources appendix, no
// citation broken over two lines or set in a headline or kicker, nothing past the slide's edge,
// no text drawn over other text.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { loadDeck } from '../support/deck'
import { describeProblem, legibilityProblems, openSlideInPrint } from '../support/legibility'
import type { LegibilityOptions } from '../support/legibility'
import { serveStatic } from '../support/static-server'
import type { StaticServer } from '../support/static-server'

const distDir = inject('distDir')
const { slides } = await loadDeck()
/** The appendix lists every source in full and is read in the PDF, not from the back row. */
const OPTIONS: LegibilityOptions = { minPx: 12, smallTextAllowed: ['wc-sources'] }

let server: StaticServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await serveStatic(distDir)
  browser = await launchChromium()
  // A 980 x 552 window shows the slide at the canvas's own size.
  page = await browser.newPage({ viewport: { width: 980, height: 552 } })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** One walk through the deck: each slide's problems, where its headline starts, where its triangle stands. */
interface SlideReading { no: number, problems: string[], stray: string[], headlineLeft?: number, triangle?: string }
const readings: SlideReading[] = []

describe('every slide in print mode', () => {
  beforeAll(async () => {
    for (const s of slides) {
      await openSlideInPrint(page, server.url, s.no)
      const found = await legibilityProblems(page, OPTIONS)
      const geometry = await page.locator(`.slidev-page-${s.no}`).evaluate((slide) => {
        const origin = slide.getBoundingClientRect()
        const h1 = [...slide.querySelectorAll('h1')].find(h => h.checkVisibility())
        const svg = slide.querySelector('.wc-triangle svg')
        const box = svg?.getBoundingClientRect()
        return {
          headlineLeft: h1 ? h1.getBoundingClientRect().left - origin.left : undefined,
          triangle: box ? [box.left - origin.left, box.top - origin.top, box.width, box.height].map(v => v.toFixed(1)).join(' ') : undefined,
        }
      })
      readings.push({
        no: s.no,
        problems: found.filter(p => p.no === s.no).map(describeProblem),
        // Only the slide asked for is on screen, so nothing else may be audited.
        stray: found.filter(p => p.no !== s.no).map(describeProblem),
        ...geometry,
      })
    }
  })

  it('has no text under 12 px (sources appendix aside), no split citation, no citation in a headline or kicker, nothing outside the slide, no text on text', () => {
    expect(readings.map(r => r.no)).toEqual(slides.map(s => s.no))
    expect(readings.flatMap(r => r.stray)).toEqual([])
    expect(readings.flatMap(r => r.problems)).toEqual([])
  })

  it('starts every headline on the same left edge, whatever the layout', () => {
    const edges = readings.filter(r => r.headlineLeft !== undefined).map(r => ({ no: r.no, left: Math.round(r.headlineLeft!) }))
    const common = edges.find(e => e.no > 1)?.left
    expect(edges.filter(e => Math.abs(e.left - common!) > 2).map(e => `slide ${e.no}: headline at ${e.left} px, not ${common} px`)).toEqual([])
  })

  it('shows the alliance triangle at one size and place on every slide that has it, so it does not jump on the fade', () => {
    const placed = readings.filter(r => r.triangle)
    expect(placed.length).toBeGreaterThanOrEqual(2)
    expect(placed.filter(r => r.triangle !== placed[0]!.triangle).map(r => `slide ${r.no}: ${r.triangle} (x y w h), slide ${placed[0]!.no}: ${placed[0]!.triangle}`)).toEqual([])
  })
})

describe('the check itself', () => {
  it('reports each kind of problem on a synthetic slide, naming the slide', async () => {
    // Break one rendered slide the four ways the check looks for, then put it back.
    const target = slides.find(s => s.no > 1 && !String(s.frontmatter.class ?? '').includes('wc-sources'))!
    await openSlideInPrint(page, server.url, target.no)
    const before = (await legibilityProblems(page, OPTIONS)).filter(p => p.no === target.no)
    await page.evaluate((no) => {
      const slide = document.querySelector(`.slidev-page-${no} .slidev-layout`)!
      const probe = document.createElement('div')
      probe.id = 'legibility-probe'
      probe.innerHTML = `
        <p style="font-size: 10px; position: absolute; left: 60px; top: 4px; margin: 0">Ten-pixel footnote</p>
        <div style="position: absolute; left: 200px; top: 2px; width: 90px; font-size: 14px">
          <span class="wc-cite"><span class="wc-cite-unit">(<cite>Korea Herald/Yonhap, Oct 2018</cite>)</span></span>
        </div>
        <p style="position: absolute; left: 900px; top: 4px; width: 300px; margin: 0; font-size: 16px">Past the right edge</p>
        <p class="wc-kicker" style="position: absolute; left: 420px; top: 30px; margin: 0">Kicker <span class="wc-cite">(<cite>Yonhap, Aug 2019</cite>)</span></p>
        <p style="position: absolute; left: 600px; top: 2px; margin: 0; font-size: 16px">First line here</p>
        <p style="position: absolute; left: 604px; top: 4px; margin: 0; font-size: 16px">Second line there</p>`
      slide.append(probe)
    }, target.no)
    try {
      const after = (await legibilityProblems(page, OPTIONS)).filter(p => p.no === target.no)
      const added = after.filter(p => !before.some(b => b.kind === p.kind && b.detail === p.detail))
      const messages = added.map(describeProblem)
      expect([...new Set(added.map(p => p.kind))].sort()).toEqual(['cite-in-heading', 'outside-slide', 'overlap', 'small-text', 'split-citation'])
      expect(messages.find(m => m.includes('Ten-pixel'))).toMatch(/10\.0 px < 12 px: "Ten-pixel footnote"/)
      expect(messages.find(m => m.includes('split-citation'))).toMatch(/Korea Herald\/Yonhap, Oct 2018\)" runs over [2-9] lines/)
      expect(messages.find(m => m.includes('cite-in-heading'))).toMatch(/"\(Yonhap, Aug 2019\)" is cited inside the kicker/)
      expect(messages.find(m => m.includes('Past the right edge'))).toMatch(/"Past the right edge" reaches 900–\d+/)
      expect(messages.find(m => m.includes('"First line here" and'))).toMatch(/"First line here" and "Second line there" are drawn on top of each other/)
      // Every message names the slide by number and heading.
      const heading = after[0]!.heading
      expect(heading.length).toBeGreaterThan(0)
      for (const m of messages)
        expect(m.startsWith(`slide ${target.no} (${JSON.stringify(heading)}): `)).toBe(true)
    }
    finally {
      await page.evaluate(() => document.getElementById('legibility-probe')?.remove())
    }
  })

  it('lets the sources appendix alone set small text', async () => {
    const sources = slides.find(s => String(s.frontmatter.class ?? '').includes('wc-sources'))
    expect(sources, 'a slide with class wc-sources').toBeDefined()
    await openSlideInPrint(page, server.url, sources!.no)
    await page.evaluate((no) => {
      const slide = document.querySelector(`.slidev-page-${no} .slidev-layout`)!
      slide.insertAdjacentHTML('beforeend', '<p id="legibility-probe" style="font-size: 10px; position: absolute; left: 60px; top: 8px; margin: 0">Ten-pixel entry</p>')
    }, sources!.no)
    try {
      const small = (o: LegibilityOptions) => legibilityProblems(page, o).then(list => list.filter(p => p.no === sources!.no && p.detail.includes('Ten-pixel entry')))
      expect(await small(OPTIONS)).toEqual([])
      expect((await small({ minPx: 12 })).map(p => p.kind)).toEqual(['small-text'])
    }
    finally {
      await page.evaluate(() => document.getElementById('legibility-probe')?.remove())
    }
  })
})
