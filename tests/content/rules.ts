// The talk's editorial rules as pure functions over slides parsed by Slidev's own parser, so the
// same code checks the real slides.md (slides.test.ts) and small synthetic decks that prove each
// rule can fail (rules.test.ts). Every problem names the slide (number and title) it is about.
import { parse } from '@slidev/parser'
import { toDeckSlides } from '../support/deck'
import type { DeckSlide } from '../support/deck'

export type RuleId = 'act-order' | 'act-missing' | 'notes' | 'words' | 'budget' | 'uncited-number' | 'unknown-source' | 'unknown-series' | 'clicks'

export interface Problem {
  rule: RuleId
  message: string
}

export interface ActBudget {
  id: string
  minutes: number
}

export interface RuleOptions {
  acts: readonly ActBudget[]
  /** Ids the source registry holds (snippets/sources.ts). */
  sourceIds: ReadonlySet<string>
  /** Chart series ids (snippets/series.ts); when given, an <EvidenceChart series> must be one. */
  seriesIds?: ReadonlySet<string>
  /**
   * Text a component prints from data for the given tag (e.g. a timeline's event titles, a
   * chart's finding), so the word limit counts what the audience actually reads. Fine print
   * (source lines, caveats, captions) is left out, as SourceCite is.
   */
  componentText?: (name: string, attrs: string) => string
  wordLimit?: number
  wordsPerMinute?: number
  tolerance?: number
}

/** Components that show their own source line on the slide, so a figure inside them is cited. */
const SELF_CITING = ['EvidenceChart', 'CrisisTimeline', 'StrengthsGrid', 'SourcesList']
/** String props whose text the audience reads on the slide (BigStat's value and label). */
const VISIBLE_PROPS = ['value', 'label', 'caption']

export function label(slide: DeckSlide): string {
  return `slide ${slide.no} ("${slide.title || 'untitled'}")`
}

/** Parses a markdown string exactly as Slidev does and shapes it like `loadDeck()`. */
export async function parseDeck(markdown: string): Promise<DeckSlide[]> {
  const data = await parse(markdown, 'synthetic.md')
  return toDeckSlides(data.slides)
}

/** Opening tags of a component, e.g. every `<BigStat … />` with its attribute text. */
function componentTags(content: string, name: string): string[] {
  return Array.from(content.matchAll(new RegExp(`<${name}\\b([^>]*?)/?>`, 'g')), m => m[1] ?? '')
}

function attr(attrs: string, name: string): string | undefined {
  const m = attrs.match(new RegExp(`(?:^|\\s):?${name}="([^"]*)"`))
  return m?.[1]
}

/**
 * The text the audience sees: markdown and HTML text, plus the string props components print
 * (BigStat value/label). Code, comments, slot markers and tags themselves are not text.
 */
export function visibleText(content: string, componentText?: RuleOptions['componentText']): string {
  let text = content
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^<<<.*$/gm, ' ')
    .replace(/^::[\w-]+::\s*$/gm, ' ')
  const propTexts: string[] = []
  text = text.replace(/<([A-Z][A-Za-z]+)\b([^>]*?)\/?>/g, (_m, name: string, attrs: string) => {
    const fromData = componentText?.(name, attrs)
    if (fromData) propTexts.push(fromData)
    for (const p of VISIBLE_PROPS) {
      const m = attrs.match(new RegExp(`(?:^|\\s)${p}="([^"]*)"`))
      if (m?.[1]) propTexts.push(m[1])
    }
    return ' '
  })
  text = text
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/[#>*_`|]/g, ' ')
    .replace(/^\s*[-+]\s+/gm, ' ')
  return `${text} ${propTexts.join(' ')}`.replace(/\s+/g, ' ').trim()
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length
}

/** Spoken words of the notes; Slidev's `[click]` / `[click:n]` markers are not spoken. */
export function noteWords(note: string): number {
  return countWords(note.replace(/\[click(?::\d+)?\]/gi, ' '))
}

/** Source ids a slide cites, from SourceCite/SourcesList `ids` and BigStat `sources`. */
export function citedIds(content: string): string[] {
  const ids: string[] = []
  for (const name of ['SourceCite', 'SourcesList', 'BigStat']) {
    for (const attrs of componentTags(content, name)) {
      const value = attr(attrs, name === 'BigStat' ? 'sources' : 'ids')
      if (value) ids.push(...(value.match(/[A-Za-z]+\d+/g) ?? []))
    }
  }
  return ids
}

/** True when something on the slide shows a source to the audience. */
export function hasCitation(content: string): boolean {
  if (componentTags(content, 'SourceCite').some(a => attr(a, 'ids')))
    return true
  if (componentTags(content, 'BigStat').some(a => attr(a, 'sources')))
    return true
  return SELF_CITING.some(name => componentTags(content, name).length > 0)
}

/** Numbers and years in the visible text (figures like "12", "2019", "6,5%"). */
export function numbersIn(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*/g) ?? []
}

/** Clicks the slide has, when it can be told from the source; undefined when it cannot. */
export function declaredClicks(slide: DeckSlide): number | undefined {
  const fm = slide.frontmatter.clicks
  if (typeof fm === 'number')
    return fm
  // <v-clicks> expands to one click per child: not countable from the markdown alone.
  if (/<v-clicks\b/i.test(slide.content))
    return undefined
  const attrs = slide.content.match(/\sv-click(?=[\s>=/.])/g)?.length ?? 0
  const elements = slide.content.match(/<v-click\b(?!s)/gi)?.length ?? 0
  return attrs + elements
}

/** Clicks the notes are written for: `[click]` counts one, `[click:n]` counts n. */
export function noteClicks(note: string): number {
  let n = 0
  for (const m of note.matchAll(/\[click(?::(\d+))?\]/gi)) n += Number(m[1] ?? 1)
  return n
}

export function checkDeck(slides: readonly DeckSlide[], options: RuleOptions): Problem[] {
  const { acts, sourceIds, seriesIds, componentText, wordLimit = 40, wordsPerMinute = 130, tolerance = 0.2 } = options
  const problems: Problem[] = []
  const actIds = acts.map(a => a.id)

  // Acts: each slide names a known act, the order never goes back, and no act is missing.
  let highest = -1
  let highestSlide: DeckSlide | undefined
  for (const slide of slides) {
    const i = actIds.indexOf(String(slide.act))
    if (i < 0) {
      problems.push({ rule: 'act-order', message: `${label(slide)} has act ${JSON.stringify(slide.act)}, not one of ${actIds.join(', ')}` })
      continue
    }
    if (i < highest && highestSlide)
      problems.push({ rule: 'act-order', message: `${label(slide)} is in act "${actIds[i]}" but comes after ${label(highestSlide)} in act "${actIds[highest]}"` })
    if (i > highest) {
      highest = i
      highestSlide = slide
    }
  }
  const present = new Set(slides.map(s => String(s.act)))
  for (const id of actIds) {
    if (!present.has(id))
      problems.push({ rule: 'act-missing', message: `act "${id}" has no slide` })
  }

  for (const slide of slides) {
    if (!slide.note)
      problems.push({ rule: 'notes', message: `${label(slide)} has no speaker notes` })

    const text = visibleText(slide.content, componentText)
    const words = countWords(text)
    if (words > wordLimit)
      problems.push({ rule: 'words', message: `${label(slide)} shows ${words} words (limit ${wordLimit}): "${text}"` })

    // Figures printed by self-citing components carry their own sources; check authored text.
    const numbers = numbersIn(visibleText(slide.content))
    if (numbers.length > 0 && !hasCitation(slide.content))
      problems.push({ rule: 'uncited-number', message: `${label(slide)} shows ${numbers.join(', ')} with no source on the slide` })

    if (/<SourceCite\b/.test(slide.content) && componentTags(slide.content, 'SourceCite').some(a => !attr(a, 'ids')))
      problems.push({ rule: 'unknown-source', message: `${label(slide)} has a <SourceCite> without ids` })
    for (const id of citedIds(slide.content)) {
      if (!sourceIds.has(id))
        problems.push({ rule: 'unknown-source', message: `${label(slide)} cites ${id}, which the source registry does not hold` })
    }

    if (seriesIds) {
      for (const attrs of componentTags(slide.content, 'EvidenceChart')) {
        const id = attr(attrs, 'series')
        if (!id || !seriesIds.has(id))
          problems.push({ rule: 'unknown-series', message: `${label(slide)} charts series ${JSON.stringify(id)}, which snippets/series.ts does not hold` })
      }
    }

    const clicks = declaredClicks(slide)
    const marked = noteClicks(slide.note)
    if (clicks !== undefined && clicks !== marked)
      problems.push({ rule: 'clicks', message: `${label(slide)} has ${clicks} click(s) but its notes mark ${marked} [click] step(s)` })
  }

  // Pacing: each timed act's notes, read at wordsPerMinute, fill its budget within ±tolerance.
  for (const act of acts) {
    if (act.minutes <= 0)
      continue
    const actSlides = slides.filter(s => s.act === act.id)
    if (actSlides.length === 0)
      continue
    const words = actSlides.reduce((sum, s) => sum + noteWords(s.note), 0)
    const target = act.minutes * wordsPerMinute
    const low = Math.round(target * (1 - tolerance))
    const high = Math.round(target * (1 + tolerance))
    if (words < low || words > high) {
      const perSlide = actSlides.map(s => `${label(s)}: ${noteWords(s.note)}`).join('; ')
      problems.push({ rule: 'budget', message: `act "${act.id}" notes are ${words} words, outside ${low}–${high} for ${act.minutes} min at ${wordsPerMinute} wpm (${perSlide})` })
    }
  }
  return problems
}
