import { load } from '@slidev/parser/fs'
import { toDeckSlides } from '../../lib/deck-rules'
import type { DeckSlide } from '../../lib/deck-rules'
import { ROOT, SLIDES_MD } from './paths'

export { toDeckSlides }
export type { DeckSlide }

/** Parses slides.md with Slidev's own parser, as `slidev build` does. */
export async function loadDeck(): Promise<{ headmatter: Record<string, unknown>, slides: DeckSlide[] }> {
  const data = await load({ roots: [ROOT], userRoot: ROOT }, SLIDES_MD)
  return { headmatter: data.headmatter, slides: toDeckSlides(data.slides) }
}
