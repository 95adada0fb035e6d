// The slide walk shared by the root and the sub-path tests: open the deck, then press → through
// every click of every slide, as a speaker does, recording what each slide showed and any
// problem that happened while it was on screen.
import type { Page } from 'playwright-core'
import type { CanvasInk } from './deck-page'
import { moveWait, position, press, settle, slideContent, waitForCharts } from './deck-page'

export interface SlideVisit {
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
export interface Walk { visits: SlideVisit[], forward: string[], backward: string[] }

/**
 * `total`: slides in slides.md (before the last one, → must move on); `alternate`: → and space in
 * turn (both are "next"); `back`: after the end, ← back to the start, recording every step.
 */
export interface WalkOptions { total: number, alternate?: boolean, back?: boolean, maxPresses?: number }

/**
 * Opens `url` (the deck's base), then presses → (and space) until the deck stops moving.
 * `take` hands over the problems recorded since its last call.
 */
export async function walkDeck(page: Page, url: string, base: string, take: () => string[], options: WalkOptions): Promise<Walk> {
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
