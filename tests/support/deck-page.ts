// Driving the built deck in Chromium: what a person at the keyboard does (next, previous, deep
// links) and what they would notice (an error, a blank chart, a request that dies on conference
// Wi-Fi, an accessibility barrier).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** Same size the deck is designed at (16:9), as a projector shows it. */
export const VIEWPORT = { width: 1280, height: 720 }

/** What a speaker would not want on a page: console errors, exceptions, requests that fail, answer
 * >= 400 or leave the serving origin. `take()` returns those since its last call. */
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
  page.on('response', res => void (res.status() >= 400 && seen.push(`HTTP ${res.status()}: ${res.url()}`)))
  return { take: () => seen.splice(0) }
}

/** The slide number and click step the address bar shows, e.g. /some/path/7?clicks=2. */
export function position(page: Page, base: string): { no: number, clicks: number } {
  const url = new URL(page.url())
  return { no: Number(url.pathname.slice(base.length).split('/')[0]), clicks: Number(url.searchParams.get('clicks') ?? 0) }
}

/** Waits until slide `no` is the one on screen and the slide transition has finished. */
export async function settle(page: Page, no: number): Promise<void> {
  await page.locator(`#slideshow .slidev-page-${no}`).waitFor({ state: 'visible' })
  await page.waitForFunction((n) => {
    // While a transition runs, Vue keeps the leaving slide displayed and marks both with
    // *-enter-active / *-leave-active (a hidden slide can keep a stale class: only displayed ones count).
    const shown = [...document.querySelectorAll<HTMLElement>('#slideshow .slidev-page')].filter(e => getComputedStyle(e).display !== 'none')
    const moving = shown.some(e => [...e.classList].some(c => /-(?:enter|leave)-active$/.test(c)))
    return !moving && shown.length === 1 && shown[0]!.classList.contains(`slidev-page-${n}`)
  }, no)
}

/** A visible canvas (hidden ones sit behind a click not reached yet) and its drawn pixels. */
export interface CanvasInk { label: string, width: number, height: number, inked: number }

/** Waits until every visible canvas on slide `no` has drawn `minShare` of its pixels; the last reading. */
export async function waitForCharts(page: Page, no: number, minShare = 0.005, timeout = 8000): Promise<CanvasInk[]> {
  const read = () => page.locator(`#slideshow .slidev-page-${no} canvas`).evaluateAll(els => els.flatMap((el, i) => {
    const c = el as HTMLCanvasElement
    if (!c.width || !c.getBoundingClientRect().width || !c.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      return []
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
    let inked = 0
    for (let p = 3; p < data.length; p += 4) inked += data[p]! > 0 ? 1 : 0
    return [{ label: c.closest('[aria-label]')?.getAttribute('aria-label') ?? `canvas #${i + 1}`, width: c.width, height: c.height, inked }]
  }))
  const deadline = Date.now() + timeout
  let ink = await read()
  while (ink.some(c => c.inked < minShare * c.width * c.height) && Date.now() < deadline) {
    await page.waitForTimeout(100)
    ink = await read()
  }
  return ink
}

/** Presses `key` and waits up to `wait` ms for the address bar to show another slide or click step. */
export async function press(page: Page, key: string, base: string, wait = 1500): Promise<{ no: number, clicks: number }> {
  const before = page.url()
  await page.keyboard.press(key)
  await page.waitForURL(u => u.toString() !== before, { timeout: wait }).catch(() => {})
  return position(page, base)
}

/** How long to wait for a key to move the deck: long when a move is certain (a busy machine can take
 * seconds), short only at the ends of the deck, where the key may rightly do nothing. */
export function moveWait(at: { no: number, clicks: number }, total: number, forward: boolean): number {
  return (forward ? at.no >= total : at.no <= 1 && at.clicks === 0) ? 1500 : 15_000
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

export interface AxeFinding { rule: string, impact: string, help: string, targets: string[] }

/**
 * Serious and critical axe findings as the page is on screen now: the whole document, or only
 * the element `scope` selects (one slide, when the rest of the page was checked already).
 * Set aside: Slidev's own MenuButton, which wraps its "More Options" and sync-settings icon
 * buttons in a second <button> (@slidev/client internals/MenuButton.vue, 52.20.1); only that
 * rule on only those nodes. Every other finding, in the nav or on the slide, counts.
 */
export async function axeSerious(page: Page, scope?: string): Promise<AxeFinding[]> {
  const axe = new AxeBuilder({ page })
  const { violations } = await (scope ? axe.include(scope) : axe).analyze()
  const nested = violations.filter(v => v.id === 'nested-interactive').flatMap(v => v.nodes.map(n => String(n.target.at(-1))))
  const upstream = await page.evaluate(sels => sels.filter(s => document.querySelector(s)?.matches('nav button:has(> button.slidev-icon-btn)')), nested)
  return violations.map(v => ({
    rule: v.id,
    impact: v.impact ?? '',
    help: v.help,
    targets: v.nodes
      .filter(n => ['serious', 'critical'].includes(n.impact ?? '') && !(v.id === 'nested-interactive' && upstream.includes(String(n.target.at(-1)))))
      .map(n => `${n.target.join(' ')}  ${n.html.slice(0, 160)}`),
  })).filter(v => v.targets.length > 0)
}

/**
 * The heading a slide shows: its first markdown heading. (The parser's `title` of slide 1 is the
 * deck's headmatter title, which is not on the slide.) '' for a slide without a heading.
 */
export function shownHeading(slide: { content: string }): string {
  return /^#{1,3}\s+(.+)$/m.exec(slide.content)?.[1]?.trim() ?? ''
}
