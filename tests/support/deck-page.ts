// Helpers for driving the built deck in Chromium: what a person at the keyboard does (next,
// previous, deep links) and what they would notice (an error, a blank chart, a request that
// dies on conference Wi-Fi).
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/** Same size the deck is designed at (16:9), as a projector shows it. */
export const VIEWPORT = { width: 1280, height: 720 }

/**
 * Everything on a page a speaker would not want: console errors, uncaught exceptions, requests
 * that fail or answer >= 400, and any request that leaves the serving origin. `take()` returns
 * what happened since the last call and starts over.
 */
export function watchPage(page: Page, origin: string): { take: () => string[] } {
  let seen: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error')
      seen.push(`console error: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`)
  })
  page.on('pageerror', err => seen.push(`page error: ${err.message}`))
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin)
      seen.push(`request to another host: ${req.url()}`)
  })
  page.on('requestfailed', req => seen.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`))
  page.on('response', (res) => {
    if (res.status() >= 400)
      seen.push(`HTTP ${res.status()}: ${res.url()}`)
  })
  return {
    take: () => {
      const out = seen
      seen = []
      return out
    },
  }
}

/** The slide number and click step the address bar shows, e.g. /some/path/7?clicks=2. */
export function position(page: Page, base: string): { no: number, clicks: number } {
  const url = new URL(page.url())
  const rest = url.pathname.slice(base.length)
  return { no: Number(rest.split('/')[0]), clicks: Number(url.searchParams.get('clicks') ?? 0) }
}

/** Waits until slide `no` is the one on screen and the slide transition has finished. */
export async function settle(page: Page, no: number): Promise<void> {
  await page.locator(`#slideshow .slidev-page-${no}`).waitFor({ state: 'visible' })
  await page.waitForFunction((n) => {
    // While a slide transition runs, Vue keeps the leaving slide displayed and puts
    // *-enter-active / *-leave-active on the slides involved. (A hidden slide can keep a stale
    // *-enter-to after an interrupted transition; only displayed slides count.)
    const shown = [...document.querySelectorAll<HTMLElement>('#slideshow .slidev-page')].filter(e => getComputedStyle(e).display !== 'none')
    const moving = shown.some(e => [...e.classList].some(c => /-(?:enter|leave)-active$/.test(c)))
    return !moving && shown.length === 1 && shown[0]!.classList.contains(`slidev-page-${n}`)
  }, no)
}

/** Visible text (and images, SVG, canvases) of slide `no`, as a quick "did it render" check. */
export async function slideContent(page: Page, no: number): Promise<{ text: string, graphics: number }> {
  return page.locator(`#slideshow .slidev-page-${no}`).evaluate(el => ({
    text: (el as HTMLElement).innerText.trim(),
    graphics: el.querySelectorAll('svg, canvas, img').length,
  }))
}

export interface CanvasInk {
  /** Where it is, for the failure message. */
  label: string
  width: number
  height: number
  /** Pixels with any alpha, read back from the canvas's own 2D context. */
  inked: number
}

/** Reads every visible canvas of slide `no` back from the page and counts drawn pixels. */
export async function canvasInk(page: Page, no: number): Promise<CanvasInk[]> {
  return page.locator(`#slideshow .slidev-page-${no}`).evaluate((slide) => {
    const out: CanvasInk[] = []
    slide.querySelectorAll('canvas').forEach((canvas, i) => {
      const box = canvas.getBoundingClientRect()
      const style = getComputedStyle(canvas)
      // A canvas behind a click not reached yet is not on screen; it is checked once revealed.
      let hidden = box.width === 0 || box.height === 0 || style.visibility === 'hidden'
      for (let e: Element | null = canvas; e && !hidden; e = e.parentElement) {
        if (Number(getComputedStyle(e).opacity) === 0)
          hidden = true
      }
      if (hidden)
        return
      const ctx = canvas.getContext('2d')
      let inked = 0
      if (ctx && canvas.width > 0 && canvas.height > 0) {
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
        for (let p = 3; p < data.length; p += 4) {
          if (data[p]! > 0)
            inked++
        }
      }
      const label = canvas.getAttribute('aria-label') ?? canvas.closest('[aria-label]')?.getAttribute('aria-label') ?? `canvas #${i + 1}`
      out.push({ label, width: canvas.width, height: canvas.height, inked })
    })
    return out
  })
}

/**
 * Waits until every visible canvas on slide `no` has drawn at least `minShare` of its pixels
 * (chart.js draws asynchronously, and animates unless told not to). Returns the last reading.
 */
export async function waitForCharts(page: Page, no: number, minShare = 0.005, timeout = 8000): Promise<CanvasInk[]> {
  const deadline = Date.now() + timeout
  let ink = await canvasInk(page, no)
  while (ink.some(c => c.inked < minShare * c.width * c.height) && Date.now() < deadline) {
    await page.waitForTimeout(100)
    ink = await canvasInk(page, no)
  }
  return ink
}

/**
 * Presses `key` and waits until the address bar shows a different slide or click step. `wait` is
 * how long to give it: long when a move is certain (a busy machine can take seconds), short at
 * the ends of the deck where the key does nothing.
 */
export async function press(page: Page, key: string, base: string, wait = 1500): Promise<{ no: number, clicks: number }> {
  const before = page.url()
  await page.keyboard.press(key)
  await page.waitForURL(u => u.toString() !== before, { timeout: wait }).catch(() => {})
  return position(page, base)
}

/** How long to wait for a key to move the deck: short only where it may rightly not move. */
export function moveWait(at: { no: number, clicks: number }, total: number, forward: boolean): number {
  const mayStay = forward ? at.no >= total : at.no <= 1 && at.clicks === 0
  return mayStay ? 1500 : 15_000
}

/** Words of a text, lower-cased, with markdown, punctuation and typographic quotes dropped. */
export function words(text: string): string[] {
  return text
    .replace(/\[click(?::\d+)?\]/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []
}

/** True when `haystack` contains the first `n` words of `needle`, in order and adjacent. */
export function containsOpening(haystack: string, needle: string, n = 12): boolean {
  const want = words(needle).slice(0, n).join(' ')
  return want.length > 0 && ` ${words(haystack).join(' ')} `.includes(` ${want} `)
}

const require = createRequire(import.meta.url)
let axeSource: string | undefined

/** Puts axe-core into the page (as a script's content: nothing is fetched). */
export async function injectAxe(page: Page): Promise<void> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource })
}

export interface AxeFinding {
  rule: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Slidev's own chrome, not this deck: its MenuButton wraps the "More Options" and sync-settings
 * buttons in a second <button> (@slidev/client internals/MenuButton.vue, 52.20.1). Only that rule
 * on only those nodes (a <button> in the nav whose child is Slidev's icon button) is set aside;
 * every other finding, in the nav or on the slide, counts.
 */
const UPSTREAM_RULE = 'nested-interactive'

/**
 * Serious and critical axe findings as the page is on screen now: the whole document, or only
 * the element `scope` selects (e.g. one slide, when the rest of the page was checked already).
 */
export async function axeSerious(page: Page, scope?: string): Promise<AxeFinding[]> {
  await injectAxe(page)
  return page.evaluate(async ([upstreamRule, scope]) => {
    const context = scope ? document.querySelector(scope) ?? document : document
    // @ts-expect-error axe is the script injected above
    const res = await window.axe.run(context, { resultTypes: ['violations'] })
    const isUpstream = (rule: string, target: string[]) => {
      const el = target.length === 1 ? document.querySelector(target[0]!) : null
      return rule === upstreamRule && !!el?.matches('nav button') && !!el.querySelector(':scope > button.slidev-icon-btn')
    }
    return (res.violations as { id: string, impact: string, help: string, nodes: { target: string[], html: string, impact: string }[] }[])
      .map(v => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes
          .filter(n => ['serious', 'critical'].includes(n.impact) && !isUpstream(v.id, n.target))
          .map(n => `${n.target.join(' ')}  ${n.html.slice(0, 160)}`),
      }))
      .filter(v => v.targets.length > 0)
  }, [UPSTREAM_RULE, scope] as const)
}

/**
 * The heading a slide shows: its first markdown heading. (The parser's `title` of slide 1 is the
 * deck's headmatter title, which is not on the slide.) '' for a slide without a heading.
 */
export function shownHeading(slide: { content: string }): string {
  return /^#{1,3}\s+(.+)$/m.exec(slide.content)?.[1]?.trim() ?? ''
}
