import { load } from '@slidev/parser/fs'
import { ROOT, SLIDES_MD } from './paths'

export interface DeckSlide {
  /** 1-based, as the audience and Slidev's URLs count. */
  no: number
  act: unknown
  frontmatter: Record<string, unknown>
  /** Markdown body without frontmatter and notes. */
  content: string
  /** Speaker notes (the last HTML comment), trimmed; '' when absent. */
  note: string
  title: string
}

/** Shapes Slidev's parsed slides for the tests: 1-based numbers, act, trimmed notes. */
export function toDeckSlides(parsed: ReadonlyArray<{ frontmatter: Record<string, unknown>, content: string, note?: string, title?: string }>): DeckSlide[] {
  return parsed.map((s, i) => ({
    no: i + 1,
    act: s.frontmatter.act,
    frontmatter: s.frontmatter,
    content: s.content,
    note: (s.note ?? '').trim(),
    title: s.title ?? '',
  }))
}

/** Parses slides.md with Slidev's own parser, as `slidev build` does. */
export async function loadDeck(): Promise<{ headmatter: Record<string, unknown>, slides: DeckSlide[] }> {
  const data = await load({ roots: [ROOT], userRoot: ROOT }, SLIDES_MD)
  return { headmatter: data.headmatter, slides: toDeckSlides(data.slides) }
}
