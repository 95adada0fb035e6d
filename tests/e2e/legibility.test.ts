// Legible from the back row, on the built deck with every slide in print mode (`/N?print`: every
// click shown, on the 980-px canvas): no text under 12 px except in the sources appendix, no
// citation broken over two lines or set in a headline or kicker, nothing past the slide's edge,
// no text drawn over other text.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, serveStatic } from '../../scripts/lib.mjs'
import type { StaticServer } from '../../scripts/lib.mjs'
import { loadDeck } from '../support/deck'

// --- The audit, run in the page on one rendered slide ---
// What the back row would notice, measured on a slide in print mode (`/N?print`: every click
// shown, no transition, on the 980-px canvas): text too small to read, a citation broken over two
// lines or crammed into a headline or kicker, text that runs past the slide's edge or lands on
// other text. The audit runs in the page,
// so a test can add a deliberately broken element to a rendered slide and watch the same code
// report it. (The built deck has no `/print` page: Slidev builds it only when `download` is on.)

type LegibilityKind = 'small-text' | 'split-citation' | 'cite-in-heading' | 'outside-slide' | 'overlap'

interface LegibilityProblem {
  /** 1-based slide number, as the audience counts. */
  no: number
  /** The slide's first heading as shown (or its first words). */
  heading: string
  kind: LegibilityKind
  detail: string
}

interface LegibilityOptions {
  /** Smallest text, in px of the slide canvas (default 12). */
  minPx?: number
  /** Layout classes whose slides may set smaller text (the sources appendix). */
  smallTextAllowed?: readonly string[]
}

/** "slide 5 ("Korea’s hydrogen-fluoride imports…"): small-text: …" */
function describeProblem(p: LegibilityProblem): string {
  return `slide ${p.no} (${JSON.stringify(p.heading)}): ${p.kind}: ${p.detail}`
}

/**
 * Opens slide `no` of the deck at `base` in print mode and waits until it is drawn, fonts in. Use
 * a 980 x 552 viewport: the slide is then shown at the canvas's own size.
 */
async function openSlideInPrint(page: Page, base: string, no: number): Promise<void> {
  await page.goto(`${base}${no}?print`, { waitUntil: 'networkidle' })
  await page.locator(`.slidev-page-${no} .slidev-layout`).first().waitFor({ state: 'visible', timeout: 30_000 })
  await page.evaluate(() => document.fonts.ready)
  // Layout settles over a frame or two after the fonts arrive.
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))
}

/** Every problem on the slide (or slides) on screen in `page`. */
async function legibilityProblems(page: Page, options: LegibilityOptions = {}): Promise<LegibilityProblem[]> {
  return page.evaluate(audit, { minPx: options.minPx ?? 12, smallTextAllowed: [...(options.smallTextAllowed ?? [])] })
}

// Runs in the page: self-contained, no closures over Node-side values.
function audit({ minPx, smallTextAllowed }: { minPx: number, smallTextAllowed: string[] }): LegibilityProblem[] {
  const problems: LegibilityProblem[] = []
  const short = (t: string) => {
    const s = t.replace(/\s+/g, ' ').trim()
    return s.length > 60 ? `${s.slice(0, 57)}…` : s
  }
  // Text an ancestor clips to nothing (the visually hidden data tables) is not on the slide.
  const clippedAway = (el: Element, stop: Element) => {
    for (let a: Element | null = el; a && a !== stop; a = a.parentElement) {
      const cs = getComputedStyle(a)
      const r = a.getBoundingClientRect()
      const clip = /^rect\((-?[\d.]+)px,? (-?[\d.]+)px,? (-?[\d.]+)px,? (-?[\d.]+)px\)$/.exec(cs.clip)
      if (clip && cs.position === 'absolute' && (Number(clip[2]) - Number(clip[4]) <= 2 || Number(clip[3]) - Number(clip[1]) <= 2))
        return true
      if ((cs.overflow !== 'visible' || cs.clipPath !== 'none') && (r.width <= 2 || r.height <= 2))
        return true
    }
    return false
  }
  // How much an element is scaled on screen (Slidev's fit to the window, a slide's `zoom`, a CSS
  // transform): the nearest transformed box's drawn width over its laid-out width (an inline
  // element's own offsetWidth is rounded, so the box is measured, not the text).
  const scaleOf = (el: Element, root: HTMLElement) => {
    for (let a: Element | null = el; a && a !== root.parentElement; a = a.parentElement) {
      const cs = getComputedStyle(a)
      if (a instanceof HTMLElement && a.offsetWidth > 0 && (cs.transform !== 'none' || cs.scale !== 'none' || (cs.zoom !== '' && cs.zoom !== '1')))
        return a.getBoundingClientRect().width / a.offsetWidth
    }
    return root.getBoundingClientRect().width / (root.offsetWidth || 1)
  }
  const shown = [...document.querySelectorAll<HTMLElement>('.slidev-page')].filter(e => e.checkVisibility())
  for (const container of shown) {
    const no = Number(container.dataset.slidevNo ?? /slidev-page-(\d+)/.exec(container.className)?.[1])
    const layout = container.querySelector('.slidev-layout')
    if (!layout)
      continue
    const box = container.getBoundingClientRect()
    // The slide canvas (980 px wide as laid out) and how much the window scales it.
    const canvas = container.parentElement ?? container
    const pageScale = canvas.getBoundingClientRect().width / (canvas.offsetWidth || 1)
    const h1 = [...container.querySelectorAll('h1')].find(h => h.checkVisibility())
    const heading = short(h1?.textContent ?? (layout as HTMLElement).innerText ?? '')
    const add = (kind: LegibilityKind, detail: string) => problems.push({ no, heading, kind, detail })
    const smallAllowed = smallTextAllowed.some(c => layout.classList.contains(c))

    // Visible text runs: each text node with its element and its line boxes.
    const runs: { el: Element, text: string, rects: DOMRect[] }[] = []
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const el = node.parentElement
      if (!el || !text.trim() || ['STYLE', 'SCRIPT', 'TITLE', 'DESC'].includes(el.tagName))
        continue
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || clippedAway(el, container))
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rects = [...range.getClientRects()].filter(r => r.width > 0.5 && r.height > 0.5)
      if (rects.length)
        runs.push({ el, text, rects })
    }

    const reported = new Set<Element>()
    for (const { el, text, rects } of runs) {
      // Size on the canvas: the computed size times any scaling between the page and the element.
      let px = Number.parseFloat(getComputedStyle(el).fontSize)
      if (el instanceof SVGGraphicsElement) {
        const ctm = el.getScreenCTM()
        px *= (ctm ? Math.hypot(ctm.a, ctm.b) : pageScale) / pageScale
      }
      else {
        px *= scaleOf(el, canvas) / pageScale
      }
      if (!smallAllowed && px < minPx - 0.05 && !reported.has(el)) {
        reported.add(el)
        add('small-text', `${px.toFixed(1)} px < ${minPx} px: "${short(text)}"`)
      }
      const past = rects.find(r => r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
      if (past)
        add('outside-slide', `"${short(text)}" reaches ${Math.round((past.left - box.left) / pageScale)}–${Math.round((past.right - box.left) / pageScale)} × ${Math.round((past.top - box.top) / pageScale)}–${Math.round((past.bottom - box.top) / pageScale)} px of the ${Math.round(box.width / pageScale)} × ${Math.round(box.height / pageScale)} slide`)
    }

    // Graphics (diagrams, charts, images) inside the slide box too.
    for (const g of container.querySelectorAll('svg, canvas, img')) {
      if (g.parentElement?.closest('svg') || !g.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || clippedAway(g, container))
        continue
      const r = g.getBoundingClientRect()
      if (r.width > 0 && (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1))
        add('outside-slide', `a ${g.tagName.toLowerCase()} ${g.getAttribute('aria-label') ?? ''} reaches past the slide edge`.replace(/ +/g, ' '))
    }

    // Sources go in a source line or beside the item they support, never in a headline or a kicker.
    for (const cite of container.querySelectorAll('h1 .wc-cite, h2 .wc-cite, .wc-kicker .wc-cite')) {
      if (cite.checkVisibility())
        add('cite-in-heading', `"${short(cite.textContent ?? '')}" is cited inside the ${cite.closest('.wc-kicker') ? 'kicker' : 'headline'}; give it a source line (<p class="wc-source">)`)
    }

    // A citation (one source, with its brackets) stays on one line.
    for (const cite of container.querySelectorAll('.wc-cite-unit, cite')) {
      if (cite.matches('cite') && cite.closest('.wc-cite-unit'))
        continue
      if (!cite.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || clippedAway(cite, container))
        continue
      const tops = new Set([...cite.getClientRects()].filter(r => r.width > 0.5).map(r => Math.round(r.top / 4)))
      if (tops.size > 1)
        add('split-citation', `"${short(cite.textContent ?? '')}" runs over ${tops.size} lines`)
    }

    // Text on text: the middle band of each line box (the ink, not the leading) must not meet
    // the middle band of another run's line box, unless one run sits inside the other.
    const bands = runs.flatMap(run => run.rects.map(r => ({ run, l: r.left, r: r.right, t: r.top + r.height * 0.25, b: r.bottom - r.height * 0.25 })))
    const seen = new Set<string>()
    for (let i = 0; i < bands.length; i++) {
      for (let j = i + 1; j < bands.length; j++) {
        const a = bands[i]!
        const b = bands[j]!
        if (a.run === b.run || a.run.el.contains(b.run.el) || b.run.el.contains(a.run.el))
          continue
        const w = Math.min(a.r, b.r) - Math.max(a.l, b.l)
        const h = Math.min(a.b, b.b) - Math.max(a.t, b.t)
        if (w > 2 && h > 2) {
          const key = `${short(a.run.text)}|${short(b.run.text)}`
          if (!seen.has(key)) {
            seen.add(key)
            add('overlap', `"${short(a.run.text)}" and "${short(b.run.text)}" are drawn on top of each other`)
          }
        }
      }
    }
  }
  return problems
}
// ---

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
