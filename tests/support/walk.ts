// The slide walk shared by the root and the sub-path tests: open the deck, then press → through
// every click of every slide, as a speaker does, recording what each slide showed and any
// problem that happened while it was on screen.
import type { Page } from 'playwright-core'
import type { CanvasInk } from './deck-page'
import { position, press, settle, slideContent, waitForCharts } from './deck-page'

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

/**
 * Opens `url` (the deck's base), then presses → until the deck stops moving, at most
 * `maxPresses` times. `take` hands over the problems recorded since its last call.
 */
export async function walkDeck(page: Page, url: string, base: string, take: () => string[], maxPresses = 400): Promise<SlideVisit[]> {
  await page.goto(url, { waitUntil: 'networkidle' })
  const visits: SlideVisit[] = []
  let at = position(page, base)
  for (let i = 0; i <= maxPresses; i++) {
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
    const next = await press(page, 'ArrowRight', base)
    if (next.no === at.no && next.clicks === at.clicks)
      break
    at = next
  }
  return visits
}
