import { join } from 'node:path'
import { load } from '@slidev/parser/fs'
import { toDeckSlides } from '../../lib/deck-rules'
import type { DeckSlide } from '../../lib/deck-rules'
import { ROOT } from '../../scripts/lib.mjs'

export const SLIDES_MD = join(ROOT, 'slides.md')

/** Parses slides.md with Slidev's own parser, as `slidev build` does. */
export async function loadDeck(): Promise<{ headmatter: Record<string, unknown>, slides: DeckSlide[] }> {
  const data = await load({ roots: [ROOT], userRoot: ROOT }, SLIDES_MD)
  return { headmatter: data.headmatter, slides: toDeckSlides(data.slides) }
}

/** Components that draw a chart.js canvas; a slide using one must show a drawn chart. */
export const CHART_TAGS = ['EvidenceChart', 'ChartCanvas']

/** Slides of slides.md whose markdown uses a chart component (found from the source, not hard-coded). */
export function chartSlides(slides: DeckSlide[]): DeckSlide[] {
  const tag = new RegExp(`<(?:${CHART_TAGS.join('|')})\\b`)
  return slides.filter(s => tag.test(s.content))
}
