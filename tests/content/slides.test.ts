import { describe, expect, it } from 'vitest'
import { ACT_IDS, acts } from '../../snippets/acts'
import { loadDeck } from '../support/deck'
import { SERIES_IDS, seriesById, type SeriesId } from '../../snippets/series'
import { SOURCE_IDS } from '../../snippets/sources'
import { formatShare, strengths } from '../../snippets/strengths'
import { events } from '../../snippets/timeline'
import { checkDeck, countWords, noteWords, visibleText, type Problem, type RuleId } from './rules'

const deck = await loadDeck()

/** A prop as written on the slide: a plain string, or a bound JS literal (`:steps="[['a'], ['b']]"`). */
function literal(attrs: string, name: string): unknown {
  const m = attrs.match(new RegExp(`(?:^|\\s)(:?)${name}="([^"]*)"`))
  if (m?.[2] === undefined)
    return undefined
  return m[1] === ':' ? JSON.parse(m[2].replace(/'/g, '"')) as unknown : m[2]
}

/** What the data-driven components print as main text (not their source lines or caveats). */
function componentText(name: string, attrs: string): string {
  if (name === 'CrisisTimeline') {
    const steps = literal(attrs, 'steps') as string[][] | undefined
    const ids = steps?.flat() ?? (literal(attrs, 'ids') as string[] | undefined)
    const from = Number(literal(attrs, 'from') ?? 2011)
    const to = Number(literal(attrs, 'to') ?? 2023)
    const shown = ids
      ? ids.map(id => events.find(e => e.id === id))
      : events.filter(e => e.key === true && Number(e.date.slice(0, 4)) >= from && Number(e.date.slice(0, 4)) <= to)
    // Event titles count; the dates are the timeline's axis, like a chart's tick labels.
    return shown.map(e => e?.title ?? '').join(' ')
  }
  if (name === 'EvidenceChart') {
    const id = literal(attrs, 'series')
    return (SERIES_IDS as readonly unknown[]).includes(id) ? seriesById(id as SeriesId).finding : ''
  }
  if (name === 'StrengthsGrid') {
    const ids = literal(attrs, 'ids') as string[] | undefined
    return strengths.filter(x => !ids || ids.includes(x.id)).map(x => `${formatShare(x)} ${x.label}`).join(' ')
  }
  return ''
}

const problems: Problem[] = checkDeck(deck.slides, { acts, sourceIds: SOURCE_IDS, seriesIds: new Set(SERIES_IDS), componentText })
const about = (rule: RuleId) => problems.filter(p => p.rule === rule).map(p => p.message)

describe('slides.md, as Slidev parses it', () => {
  it('has a title slide and 18–26 slides in the talk, backup slides aside', () => {
    expect(deck.slides[0]?.title).not.toBe('')
    const talk = deck.slides.filter(s => s.act !== 'backup')
    expect(talk.length).toBeGreaterThanOrEqual(18)
    expect(talk.length).toBeLessThanOrEqual(26)
  })

  it.each(deck.slides.map(s => [s.no, s] as const))('slide %i names a known act and has speaker notes', (_no, slide) => {
    expect(ACT_IDS, `slide ${slide.no} ("${slide.title}") has act ${JSON.stringify(slide.act)}`).toContain(slide.act)
    expect(slide.note, `slide ${slide.no} ("${slide.title}") has no speaker notes`).not.toBe('')
  })

  it('gives every act, in the talk\'s order', () => {
    expect([...about('act-order'), ...about('act-missing')]).toEqual([])
  })

  it('keeps every slide under the visible word limit', () => {
    expect(about('words')).toEqual([])
  })

  it('fits each act\'s notes to its minutes at 130 words a minute (±20%)', () => {
    expect(about('budget')).toEqual([])
  })

  it('cites a source on every slide that shows a number or year', () => {
    expect(about('uncited-number')).toEqual([])
  })

  it('cites only sources the registry (snippets/sources.ts) holds, and charts only known series', () => {
    expect(about('unknown-source')).toEqual([])
    expect(about('unknown-series')).toEqual([])
  })

  it('carries the alliance triangle through the acts: frayed, mending, unattended, reinforced', () => {
    const states = deck.slides.flatMap(s => Array.from(s.content.matchAll(/<AllianceTriangle\b[^>]*\sstate="([a-z]+)"/g), m => `${String(s.act)}:${m[1]}`))
    expect(states).toEqual(['crisis-decade:frayed', 'summit:mending', 'missed-mediation:unattended', 'partnership:reinforced'])
  })

  it('marks one [click] in the notes per click on the slide', () => {
    expect(about('clicks')).toEqual([])
  })

  it('sets a 20-minute duration and closes on Q&A and a sources appendix', () => {
    expect(deck.headmatter.duration).toBe('20min')
    const closing = deck.slides.filter(s => s.act === 'closing')
    expect(closing.some(s => /<SourcesList\b/.test(s.content)), 'a closing slide lists the sources').toBe(true)
    expect(closing.some(s => /question/i.test(s.title)), 'a Q&A slide').toBe(true)
  })

  it('keeps sourced backup slides for likely questions after Q&A and the sources, with the data slide among them', () => {
    const backup = deck.slides.filter(s => s.act === 'backup')
    const qa = deck.slides.find(s => s.act === 'closing' && /question/i.test(s.title))
    expect(backup.length, 'backup slides').toBeGreaterThanOrEqual(3)
    expect(backup.every(s => s.no > (qa?.no ?? Infinity)), 'backup slides come after the Q&A slide').toBe(true)
    expect(deck.slides.slice(-backup.length).every(s => s.act === 'backup'), 'backup slides close the deck').toBe(true)
    // Each answer is sourced; the one exception is the data slide, which shows code, not claims.
    const answers = backup.filter(s => !/^<<< @\/snippets\//m.test(s.content))
    expect(answers.length).toBeGreaterThanOrEqual(3)
    expect(answers.filter(s => !/<(SourceCite|EvidenceChart|CrisisTimeline|StrengthsGrid)\b/.test(s.content)).map(s => s.title)).toEqual([])
    expect(backup.some(s => /^<<< @\/snippets\/schema\.ts#rules/m.test(s.content)), 'the data slide shows the schema rules').toBe(true)
  })

  it('keeps the talk offline: no remote font provider, a local favicon', () => {
    const fonts = deck.headmatter.fonts as Record<string, unknown> | undefined
    expect(fonts?.provider).toBe('none')
    expect(String(deck.headmatter.favicon)).not.toMatch(/^https?:|^\/\//)
  })

  // Not an assertion: the figures a speaker wants when rehearsing (run with --reporter=verbose).
  it('reports pacing and density', () => {
    const rows = acts.map(a => {
      const s = deck.slides.filter(x => x.act === a.id)
      return `${a.id}: ${s.length} slides, ${s.reduce((n, x) => n + noteWords(x.note), 0)} note words (budget ${Math.round(a.minutes * 130)})`
    })
    const words = deck.slides.map(s => `${s.no}:${countWords(visibleText(s.content, componentText))}`)
    console.log([`${deck.slides.length} slides; visible words per slide ${words.join(' ')}`, ...rows].join('\n'))
  })
})
