// The reading view (/read) on the built deck in real Chromium, as a phone (390 × 844) shows it:
// where the audience route sends a phone, the talk in order with its notes, legible type (text,
// and the labels drawn on chart canvases), drawn charts, the switch back to the slides and that it
// sticks, deep links, accessibility in light and dark; and that a laptop, the presenter view, the
// overview and print pages are never redirected. Also: a build without notes says so, and the
// Slidev internals the view is built on are where it imports them from.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { seriesById } from '../../snippets/series'
import type { SeriesId } from '../../snippets/series'
import { buildDeck, launchChromium, ROOT, serveStatic } from '../../scripts/lib.mjs'
import type { StaticServer } from '../../scripts/lib.mjs'
import { loadDeck } from '../support/deck'
import { axeSerious, containsOpening, settle, shownHeading, VIEWPORT, watchPage, words } from '../support/deck-page'

const distDir = inject('distDir')
const runDir = inject('runDir')
const { slides } = await loadDeck()

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }

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

/** Every text and canvas label a phone shows, measured in the page: what a reader would squint at. */
interface TypeReading { text: { px: number, text: string, where: string }[], canvas: { px: number, text: string, where: string }[], measured: number }

/**
 * Records, from document start, the size each chart label is drawn at on screen (the canvas
 * font's px, times the context's transform, times the canvas's display scale), and each label
 * drawn past the canvas's left or right edge, which the reader sees cut off.
 */
function recordCanvasText(): void {
  const seen = new Map<string, { px: number, text: string, where: string }>()
  const cut = new Set<string>()
  Object.assign(window, { __canvasText: seen, __canvasCut: cut })
  const fillText = CanvasRenderingContext2D.prototype.fillText
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? Number.NaN)
    const t = this.getTransform()
    const c = this.canvas
    const shown = c.getBoundingClientRect().width
    const size = px * Math.hypot(t.a, t.b) * (shown && c.width ? shown / c.width : 1)
    const where = c.getAttribute('aria-label')?.slice(0, 60) ?? 'canvas'
    const key = `${where}|${text}`
    const w = this.measureText(String(text)).width
    const left = this.textAlign === 'right' || this.textAlign === 'end' ? x - w : this.textAlign === 'center' ? x - w / 2 : x
    const from = t.a * left + t.e
    const to = t.a * (left + w) + t.e
    if (String(text).trim() && (from < -1 || to > c.width + 1))
      cut.add(`${where}: "${text}" drawn at ${Math.round(from / t.a)}–${Math.round(to / t.a)} of ${Math.round(c.width / t.a)} px`)
    const before = seen.get(key)
    if (String(text).trim() && (!before || size < before.px))
      seen.set(key, { px: size, text: String(text), where })
    return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth)
  }
}

async function newPhone(colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext, page: Page }> {
  const context = await browser.newContext({ ...PHONE, colorScheme })
  await context.addInitScript(recordCanvasText)
  return { context, page: await context.newPage() }
}

/** The reading view's article for slide `no`. */
const article = (page: Page, no: number) => page.locator(`.wc-reading [id="${no}"]`)

/**
 * Scrolls through the page, slide by slide, as a reader does: each slide is mounted as it comes
 * near, so this waits for each one's layout (or stand-in) and, where it has charts, their pixels.
 */
async function readThrough(page: Page): Promise<void> {
  for (const s of slides) {
    await article(page, s.no).scrollIntoViewIfNeeded()
    await article(page, s.no).locator('.slidev-layout, .wc-read-standin').first().waitFor({ state: 'visible', timeout: 30_000 })
    await page.waitForFunction(no => [...document.getElementById(String(no))!.querySelectorAll('canvas')].every((c) => {
      const data = c.width ? c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data : []
      let inked = 0
      for (let i = 3; i < data.length; i += 4) inked += data[i]! > 0 ? 1 : 0
      return inked > 0.005 * c.width * c.height
    }), s.no, { timeout: 15_000 })
  }
  await page.locator('#sources').scrollIntoViewIfNeeded()
  await page.evaluate(() => document.fonts.ready)
}

/** Sizes of every visible text run and of every label drawn on a canvas, in screen px. */
async function typeSizes(page: Page): Promise<TypeReading> {
  return page.evaluate(() => {
    const root = document.querySelector('.wc-reading')!
    const text: { px: number, text: string, where: string }[] = []
    // Text an ancestor clips to nothing (the charts' visually hidden tables) is not on screen.
    const clipped = (el: Element) => {
      for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
        const cs = getComputedStyle(a)
        const r = a.getBoundingClientRect()
        if ((cs.overflow !== 'visible' || cs.clip !== 'auto') && (r.width <= 2 || r.height <= 2))
          return true
      }
      return false
    }
    let measured = 0
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.textContent?.trim() || ['STYLE', 'SCRIPT', 'TITLE', 'DESC'].includes(el.tagName))
        continue
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || clipped(el))
        continue
      measured++
      let px = Number.parseFloat(getComputedStyle(el).fontSize)
      // SVG text is drawn at its viewBox's scale.
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM()
        px *= m ? Math.hypot(m.a, m.b) : 1
      }
      const where = el.closest('.wc-read-slide')?.id ?? el.closest('section, header')?.className ?? ''
      text.push({ px, text: node.textContent.trim().slice(0, 50), where: `slide ${where}` })
    }
    const canvas = [...(window as unknown as { __canvasText: Map<string, { px: number, text: string, where: string }> }).__canvasText.values()]
    return { text, canvas, measured }
  })
}

/** Chart labels drawn (in any frame) past their canvas's edge. */
const cutLabels = (page: Page) => page.evaluate(() => [...(window as unknown as { __canvasCut: Set<string> }).__canvasCut])

describe('on a phone (390 × 844)', () => {
  let context: BrowserContext
  let page: Page
  let problems: { take: () => string[] }

  beforeAll(async () => {
    ({ context, page } = await newPhone())
    problems = watchPage(page, server.origin)
    await page.goto(`${server.url}1`, { waitUntil: 'networkidle' })
    await readThrough(page)
  })
  afterAll(async () => {
    await context?.close()
  })

  it('opens the reading view from the audience route /1, at the top of the page', async () => {
    const fresh = await newPhone()
    try {
      await fresh.page.goto(`${server.url}1`, { waitUntil: 'networkidle' })
      await fresh.page.waitForURL(u => u.pathname === '/read' && u.hash === '')
      await article(fresh.page, 1).locator('.slidev-layout').waitFor({ state: 'visible' })
      expect(await fresh.page.locator('#slideshow').count()).toBe(0)
      expect(await fresh.page.evaluate(() => window.scrollY)).toBe(0)
    }
    finally {
      await fresh.context.close()
    }
  })

  it('gives every slide, in the talk\'s order and act by act, with its headline and its notes', async () => {
    const shown = await page.locator('.wc-read-slide').evaluateAll(els => els.map(e => ({
      id: e.id,
      act: e.closest('.wc-read-act')?.querySelector('h2')?.textContent?.trim() ?? '',
      text: (e.querySelector('.wc-read-frame') as HTMLElement).innerText,
      notes: (e.querySelector('.wc-read-notes') as HTMLElement | null)?.innerText ?? '',
    })))
    expect(shown.map(s => Number(s.id))).toEqual(slides.map(s => s.no))
    // Acts in the deck's order, each once.
    const acts = shown.map(s => s.act).filter((a, i, all) => a !== all[i - 1])
    expect(new Set(acts).size).toBe(acts.length)
    expect(acts.length).toBe(new Set(slides.map(s => s.act)).size)

    const missing: string[] = []
    for (const s of slides) {
      const got = shown[s.no - 1]!
      const chart = /<EvidenceChart\b[^>]*\bseries="([\w-]+)"/.exec(s.content)?.[1]
      const headline = shownHeading(s) || (chart ? seriesById(chart as SeriesId).finding : '')
      // Slide 1's parsed title is the deck's; the slide shows its own heading, compared as words.
      if (headline && !` ${words(got.text).join(' ')} `.includes(` ${words(headline).join(' ')} `))
        missing.push(`slide ${s.no}: headline "${headline}" not in the reading view`)
      if (!containsOpening(got.notes, s.note))
        missing.push(`slide ${s.no}: notes do not start with "${s.note.slice(0, 60)}…"`)
      const last = words(s.note).slice(-10).join(' ')
      if (!` ${words(got.notes).join(' ')} `.endsWith(` ${last} `))
        missing.push(`slide ${s.no}: notes do not end with "…${last}"`)
    }
    expect(missing).toEqual([])
    // Only a slide with no heading of its own (the recap) goes without a headline check.
    expect(slides.filter(s => !shownHeading(s) && !/<EvidenceChart\b/.test(s.content)).length).toBeLessThanOrEqual(2)
  })

  it('shows every click\'s content and nothing of the speaker\'s pacing', async () => {
    expect(await page.locator('.wc-reading .slidev-vclick-hidden, .wc-reading .wc-timeline-list > li.is-hidden').count()).toBe(0)
    expect(await page.locator('.wc-pacing').count()).toBe(0)
    expect(await page.locator('.wc-reading .slidev-note-click-mark').evaluateAll(els => els.filter(e => e.getBoundingClientRect().width > 0).length)).toBe(0)
  })

  it('sets no text under 14 px and no chart label under 12 px', async () => {
    const sizes = await typeSizes(page)
    // The measurement saw the page: slides, notes and the sources at the end.
    expect(sizes.measured).toBeGreaterThan(500)
    expect(sizes.text.some(t => t.where.includes('wc-read-sources'))).toBe(true)
    expect(sizes.text.filter(t => t.px < 14 - 0.05).map(t => `${t.where}: ${t.px.toFixed(1)} px "${t.text}"`)).toEqual([])
    const charts = slides.filter(s => /<EvidenceChart\b/.test(s.content)).length
    expect(new Set(sizes.canvas.map(c => c.where)).size).toBe(charts)
    expect(sizes.canvas.filter(c => c.px < 12 - 0.05).map(c => `${c.where}: ${c.px.toFixed(1)} px "${c.text}"`)).toEqual([])
  })

  it('draws every chart label inside its chart', async () => {
    expect(await cutLabels(page)).toEqual([])
  })

  it('draws every chart at the width of the page', async () => {
    const canvases = await page.locator('.wc-reading canvas').evaluateAll(els => els.map((el) => {
      const c = el as HTMLCanvasElement
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let inked = 0
      for (let i = 3; i < data.length; i += 4) inked += data[i]! > 0 ? 1 : 0
      return { label: c.getAttribute('aria-label')?.slice(0, 50), width: c.getBoundingClientRect().width, share: inked / (c.width * c.height) }
    }))
    expect(canvases.length).toBe(slides.filter(s => /<EvidenceChart\b/.test(s.content)).length)
    for (const c of canvases) {
      expect(c.share, c.label).toBeGreaterThan(0.005)
      // Laid out at the phone's width, not a 980-px slide scaled down.
      expect(c.width, c.label).toBeGreaterThan(300)
      expect(c.width, c.label).toBeLessThanOrEqual(390)
    }
  })

  it('links every citation to its entry in the sources at the end', async () => {
    const links = await page.locator('.wc-read-frame .wc-cite a').evaluateAll(els => els.map(a => a.getAttribute('href') ?? ''))
    expect(links.length).toBeGreaterThan(30)
    const targets = await page.evaluate(hrefs => hrefs.filter(h => !document.querySelector(`#sources ${h}`)), [...new Set(links)])
    expect(targets).toEqual([])
    const first = page.locator(`.wc-reading [id="3"] .wc-cite a`).first()
    const href = await first.getAttribute('href')
    await first.click()
    await page.waitForURL(u => u.hash === href)
    await expect.poll(() => page.locator(`${href}`).evaluate(el => el.getBoundingClientRect().top)).toBeLessThan(844)
  })

  it('loads nothing from another host and logs no error', () => {
    expect(problems.take()).toEqual([])
  })
})

describe('links and the switch to the slides', () => {
  it('opens a shared link at its slide: /read#12, and /12 on a phone', async () => {
    const { context, page } = await newPhone()
    try {
      for (const [path, no] of [['read#12', 12], ['20', 20]] as const) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
        await page.waitForURL(u => u.pathname === '/read' && u.hash === `#${no}`)
        await article(page, no).locator('.slidev-layout').waitFor({ state: 'visible' })
        // Its top under the page's bar, however the slides above it loaded.
        await expect.poll(() => article(page, no).evaluate(el => Math.round(el.getBoundingClientRect().top)), { timeout: 10_000 }).toBeGreaterThanOrEqual(40)
        await expect.poll(() => article(page, no).evaluate(el => Math.round(el.getBoundingClientRect().top)), { timeout: 10_000 }).toBeLessThanOrEqual(80)
      }
    }
    finally {
      await context.close()
    }
  })

  it('switches to the slide being read, and the choice sticks across a reload and a new visit', async () => {
    const { context, page } = await newPhone()
    try {
      await page.goto(`${server.url}read#9`, { waitUntil: 'networkidle' })
      await article(page, 9).locator('.slidev-layout').waitFor({ state: 'visible' })
      await page.getByRole('button', { name: 'Show slides' }).click()
      await page.waitForURL(u => u.pathname === '/9')
      await settle(page, 9)
      await page.reload({ waitUntil: 'networkidle' })
      await settle(page, 9)
      expect(new URL(page.url()).pathname).toBe('/9')
      await page.goto(`${server.url}3`, { waitUntil: 'networkidle' })
      await settle(page, 3)
      expect(new URL(page.url()).pathname).toBe('/3')
      // The reading view stays one address away.
      await page.goto(`${server.url}read`, { waitUntil: 'networkidle' })
      await article(page, 1).locator('.slidev-layout').waitFor({ state: 'visible' })
    }
    finally {
      await context.close()
    }
  })

  it('never redirects the presenter view, the overview or a print page', async () => {
    const { context, page } = await newPhone()
    try {
      for (const path of ['presenter/3', 'overview', '3?print', '3?embedded=true']) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
        // Each shows its slides (the redirect would have come before they render).
        await page.locator(`.slidev-page-${path === 'overview' ? 1 : 3} .slidev-layout`).first().waitFor({ state: 'attached' })
        const url = new URL(page.url())
        expect(`${url.pathname.slice(1)}${url.search}`, path).toBe(path)
        expect(await page.locator('.wc-reading').count(), path).toBe(0)
      }
    }
    finally {
      await context.close()
    }
  })

  it('keeps /1 the slide deck at 1280 × 720', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT })
    try {
      await page.goto(`${server.url}1`, { waitUntil: 'networkidle' })
      await settle(page, 1)
      expect(new URL(page.url()).pathname).toBe('/1')
      expect(await page.locator('.wc-reading').count()).toBe(0)
    }
    finally {
      await page.close()
    }
  })
})

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe finding, ${scheme}`, async () => {
      const { context, page } = await newPhone(scheme)
      try {
        await page.goto(`${server.url}read`, { waitUntil: 'networkidle' })
        await readThrough(page)
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark')
        expect(await axeSerious(page)).toEqual([])
      }
      finally {
        await context.close()
      }
    })
  }

  it('reads in the talk\'s order: page title, acts, each slide\'s headline nested under its act', async () => {
    const { context, page } = await newPhone()
    try {
      await page.goto(`${server.url}read`, { waitUntil: 'networkidle' })
      await readThrough(page)
      const outline = await page.evaluate(() => [...document.querySelectorAll('.wc-reading :is(h1, h2, h3, h4, h5, h6, [role="heading"])')]
        .filter(h => h.checkVisibility())
        .map(h => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)), slide: h.closest('.wc-read-slide')?.id })))
      expect(outline[0]).toEqual({ level: 1, slide: undefined })
      expect(outline.slice(1).filter(h => h.level === 1)).toEqual([])
      expect(outline.filter(h => h.slide !== undefined && h.level < 3)).toEqual([])
      // Tab order is document order, which is the talk's: slide links come 1, 2, 3 …
      const order = await page.locator('.wc-read-label a').evaluateAll(els => els.map(a => Number(a.getAttribute('href')!.slice(1))))
      expect(order).toEqual(slides.map(s => s.no))
      expect(await page.locator('.wc-reading [tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count()).toBe(0)
    }
    finally {
      await context.close()
    }
  })
})

// One more build covers two cases: hosted under a sub-path, and published without notes.
describe('a build under a sub-path (--base /talk/) without notes', () => {
  let bare: StaticServer
  beforeAll(async () => {
    const dir = join(runDir, 'reading-base-without-notes')
    await buildDeck(dir, ['--base', '/talk/', '--without-notes'])
    bare = await serveStatic(dir, '/talk/')
  })
  afterAll(async () => {
    await bare?.close()
  })

  it('opens /talk/read from /talk/5, gives every slide, says the notes are not in this build, and switches back', async () => {
    const { context, page } = await newPhone()
    try {
      await page.goto(`${bare.url}5`, { waitUntil: 'networkidle' })
      await page.waitForURL(u => u.pathname === '/talk/read' && u.hash === '#5')
      await page.getByText('The speaker’s notes are not in this build').waitFor({ state: 'visible' })
      await article(page, 5).locator('.slidev-layout').waitFor({ state: 'visible' })
      expect(await page.locator('.wc-read-notes').count()).toBe(0)
      expect(await page.locator('.wc-read-slide').count()).toBe(slides.length)
      await page.getByRole('button', { name: 'Show slides' }).click()
      await page.waitForURL(u => u.pathname === '/talk/5')
      await settle(page, 5)
    }
    finally {
      await context.close()
    }
  })
})

describe('Slidev internals the reading view relies on', () => {
  const CLIENT = dirname(createRequire(join(ROOT, 'package.json')).resolve('@slidev/client/package.json'))
  const internals = readFileSync(join(ROOT, 'setup', 'slidev-internals.ts'), 'utf8')
  const imports = [...internals.matchAll(/^export \{ ([^}]+) \} from '@slidev\/client\/([^']+)'/gm)]
    .map(([, names = '', path = '']) => ({ path, names: names.split(',').map(n => n.trim().split(/\s+as\s+/)[0]!) }))

  it('lists them in setup/slidev-internals.ts', () => {
    expect(imports.map(i => i.path).sort()).toEqual(['composables/useClicks.ts', 'constants.ts', 'internals/SlideWrapper.vue'])
  })

  for (const { path, names } of imports) {
    it(`finds ${names.join(', ')} in @slidev/client/${path}`, () => {
      const file = join(CLIENT, path)
      expect(existsSync(file), `@slidev/client/${path} is gone: the reading view imports ${names.join(', ')} from it (setup/slidev-internals.ts)`).toBe(true)
      const source = readFileSync(file, 'utf8')
      for (const name of names) {
        if (name === 'default') {
          // The slide wrapper: the props the reading view passes.
          for (const prop of ['clicksContext', 'renderContext', 'route'])
            expect(source, `@slidev/client/${path} no longer takes the prop ${prop}`).toMatch(new RegExp(`\\b${prop}\\s*:`))
        }
        else {
          expect(source, `@slidev/client/${path} no longer exports ${name}`).toMatch(new RegExp(`export (?:const|function|async function) ${name}\\b`))
        }
      }
    })
  }

  it('finds the audience route the phone redirect hangs on, named "play", at /:no', () => {
    const routes = readFileSync(join(CLIENT, 'setup', 'routes.ts'), 'utf8')
    expect(routes, '@slidev/client/setup/routes.ts: no route named "play" at /:no').toMatch(/name: 'play',\s*path: '\/:no'/)
  })

  it('finds the notes route\'s password guard (slidev --remote <password>) that /read borrows', () => {
    const routes = readFileSync(join(CLIENT, 'setup', 'routes.ts'), 'utf8')
    expect(routes, '@slidev/client/setup/routes.ts: the notes route no longer has the password guard').toMatch(/name: 'notes',[^}]*beforeEnter: passwordGuard/)
  })
})
