// Accessibility of the built deck in real Chromium: axe-core on every slide (with all its clicks
// revealed) in light and dark, and prefers-reduced-motion turning slide transitions and chart
// animation off.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium, serveStatic } from '../../scripts/lib.mjs'
import type { StaticServer } from '../../scripts/lib.mjs'
import { chartSlides, loadDeck } from '../support/deck'
import type { AxeFinding } from '../support/deck-page'
import { axeSerious, moveWait, position, press, settle, VIEWPORT, watchPage } from '../support/deck-page'

const distDir = inject('distDir')
const { slides } = await loadDeck()
const charts = chartSlides(slides)

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

/**
 * Runs axe on every slide at its last click step (everything revealed): press → until the slide
 * changes, step back once with ← (which lands on the previous slide's last click), check, go on.
 * The whole page (Slidev's controls, landmarks, title, language) is checked on slide 1; after
 * that only the slide itself, since the rest of the page does not change from slide to slide.
 */
async function axeEverySlide(page: Page): Promise<Map<number, AxeFinding[]>> {
  const found = new Map<number, AxeFinding[]>()
  await page.goto(`${server.url}1`, { waitUntil: 'networkidle' })
  // Keys pressed before the deck has booted are lost: wait until slide 1 is on screen.
  await settle(page, 1)
  let at = position(page, '/')
  for (let i = 0; i < 400; i++) {
    const next = await press(page, 'ArrowRight', '/', moveWait(at, slides.length, true))
    if (next.no === at.no && next.clicks === at.clicks) {
      await settle(page, at.no)
      found.set(at.no, await axeSerious(page, at.no === 1 ? undefined : `.slidev-page-${at.no}`))
      break
    }
    if (next.no !== at.no) {
      await press(page, 'ArrowLeft', '/', 15_000)
      await settle(page, at.no)
      found.set(at.no, await axeSerious(page, at.no === 1 ? undefined : `.slidev-page-${at.no}`))
      await press(page, 'ArrowRight', '/', 15_000)
    }
    at = next
  }
  return found
}

function describeFindings(found: Map<number, AxeFinding[]>): string[] {
  return [...found].flatMap(([no, list]) => list.map(f => `slide ${no}: ${f.rule} (${f.impact}) ${f.help}\n    ${f.targets.join('\n    ')}`))
}

describe.each(['light', 'dark'] as const)('axe-core in %s mode', (scheme) => {
  let context: BrowserContext
  let page: Page
  let take: () => string[]
  beforeAll(async () => {
    // Settled slides are what axe checks; reduced motion (no transitions, tested below) only
    // saves the wait for each fade.
    context = await browser.newContext({ viewport: VIEWPORT, colorScheme: scheme, reducedMotion: 'reduce' })
    page = await context.newPage()
    take = watchPage(page, server.origin).take
  })
  afterAll(() => context?.close())

  it(`finds no serious or critical violation on any slide`, async () => {
    const found = await axeEverySlide(page)
    // The deck follows the system scheme (colorSchema: auto): the page really is in `scheme`.
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark')
    expect([...found.keys()].sort((a, b) => a - b)).toEqual(slides.map(s => s.no))
    expect(describeFindings(found)).toEqual([])
    expect(take()).toEqual([])
  })
})

/**
 * Samples, every animation frame for `ms` after pressing `key`, the opacity of each displayed
 * slide: a fading transition shows values strictly between 0 and 1.
 */
async function opacitiesDuring(page: Page, key: string, ms: number): Promise<number[]> {
  await page.evaluate((ms) => {
    const w = window as unknown as { __samples: number[] }
    w.__samples = []
    const end = performance.now() + ms
    const tick = () => {
      for (const e of document.querySelectorAll<HTMLElement>('#slideshow .slidev-page')) {
        if (getComputedStyle(e).display !== 'none')
          w.__samples.push(Number(getComputedStyle(e).opacity))
      }
      if (performance.now() < end)
        requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }, ms)
  await page.keyboard.press(key)
  await page.waitForTimeout(ms + 100)
  return page.evaluate(() => (window as unknown as { __samples: number[] }).__samples)
}

/**
 * Installs, before the deck loads, a per-frame fingerprint of every canvas on screen. A chart
 * that animates changes its pixels over many frames; one drawn at once settles immediately.
 */
const CANVAS_FINGERPRINTS = () => {
  const w = window as unknown as { __prints: Map<HTMLCanvasElement, string[]> }
  w.__prints = new Map()
  const tick = () => {
    for (const c of document.querySelectorAll('canvas')) {
      if (c.width === 0 || c.height === 0 || c.getBoundingClientRect().width === 0)
        continue
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data
      if (!data)
        continue
      let h = 0
      let ink = 0
      for (let p = 3; p < data.length; p += 4 * 5) {
        if (data[p]! > 0) {
          ink++
          h = (h * 31 + data[p]! + data[p - 1]! * 7 + p) >>> 0
        }
      }
      if (ink === 0)
        continue
      const list = w.__prints.get(c) ?? []
      const print = `${c.width}x${c.height}:${h}`
      if (list.at(-1) !== print)
        list.push(print)
      w.__prints.set(c, list)
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/** Opens chart slide `no`, presses → until its canvases are drawn, and returns each canvas's distinct frames. */
async function chartFrames(context: BrowserContext, no: number): Promise<number[]> {
  const page = await context.newPage()
  await page.addInitScript(CANVAS_FINGERPRINTS)
  await page.goto(`${server.url}${no}`, { waitUntil: 'networkidle' })
  await settle(page, no)
  for (let i = 0; i < 30 && position(page, '/').no === no; i++) {
    const drawn = await page.evaluate(() => (window as unknown as { __prints: Map<unknown, string[]> }).__prints.size)
    if (drawn > 0)
      break
    await press(page, 'ArrowRight', '/', moveWait(position(page, '/'), slides.length, true))
  }
  await page.waitForTimeout(1500)
  const counts = await page.evaluate(() => [...(window as unknown as { __prints: Map<unknown, string[]> }).__prints.values()].map(l => l.length))
  await page.close()
  return counts
}

describe('prefers-reduced-motion: reduce', () => {
  let reduced: BrowserContext
  let normal: BrowserContext
  beforeAll(async () => {
    reduced = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' })
    normal = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'no-preference' })
  })
  afterAll(async () => {
    await reduced?.close()
    await normal?.close()
  })

  async function transitionSamples(context: BrowserContext): Promise<number[]> {
    const page = await context.newPage()
    await page.goto(`${server.url}1`, { waitUntil: 'networkidle' })
    await settle(page, 1)
    // Forward past slide 1's clicks to slide 2: the transition plays on the slide change.
    let samples: number[] = []
    for (let i = 0; i < 30 && position(page, '/').no === 1; i++)
      samples = await opacitiesDuring(page, 'ArrowRight', 700)
    await page.close()
    return samples
  }

  it('changes slides without a transition (and the deck does fade without the preference)', async () => {
    const between = (s: number[]) => s.filter(o => o > 0.02 && o < 0.98)
    expect(between(await transitionSamples(normal)).length, 'the check can see a fade').toBeGreaterThan(0)
    expect(between(await transitionSamples(reduced))).toEqual([])
  })

  it.skipIf(charts.length === 0)('draws charts at once, without animation (and they do animate without the preference)', async () => {
    for (const s of charts) {
      const still = await chartFrames(reduced, s.no)
      expect(still.length, `slide ${s.no}: no chart drawn`).toBeGreaterThan(0)
      for (const frames of still)
        expect(frames, `slide ${s.no}: the chart changed over ${frames} frames`).toBeLessThanOrEqual(2)
    }
    const moving = await chartFrames(normal, charts[0]!.no)
    expect(Math.max(...moving), 'the check can see an animation').toBeGreaterThan(3)
  })
})
