import type { DeckSlide } from './deck'

/** Components that draw a chart.js canvas; a slide using one must show a drawn chart. */
export const CHART_TAGS = ['EvidenceChart', 'ChartCanvas']

/** Slides of slides.md whose markdown uses a chart component (found from the source, not hard-coded). */
export function chartSlides(slides: DeckSlide[]): DeckSlide[] {
  const tag = new RegExp(`<(?:${CHART_TAGS.join('|')})\\b`)
  return slides.filter(s => tag.test(s.content))
}
