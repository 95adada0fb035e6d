// The real slides.md against the deck's rules (lib/deck-rules.ts, the same check dev, build and
// export run) and the talk's own bar: every rule, errors and editorial ones alike, must hold.
import { describe, expect, it } from 'vitest'
import type { RuleId } from '../../lib/deck-rules'
import { checkDeckFile } from '../../plugins/deck-check'
import { loadDeck, SLIDES_MD } from '../support/deck'
import { ROOT } from '../../scripts/lib.mjs'

const deck = await loadDeck()
const problems = await checkDeckFile(ROOT, SLIDES_MD)
const about = (...rules: RuleId[]) => problems.filter(p => rules.includes(p.rule)).map(p => p.message)
const talk = deck.slides.filter(s => s.act !== 'backup')
const backup = deck.slides.filter(s => s.act === 'backup')

describe('slides.md, as Slidev parses it', () => {
  it('breaks no slide: components, ids, clicks, acts and frontmatter all check out', () => {
    expect(problems.filter(p => p.severity === 'error').map(p => p.message)).toEqual([])
  })

  it('gives every slide notes, and every act a slide, in the talk\'s order with the backup last', () => {
    expect(about('notes', 'act-order', 'act-missing')).toEqual([])
  })

  it('marks every slide of acts one to five with its "Act n · …" kicker', () => {
    expect(about('kicker')).toEqual([])
  })

  it('speaks in at most 20:00 at 130 words a minute, each act within ±10% of its budget', () => {
    expect(deck.headmatter.duration).toBe('20min')
    expect(about('budget', 'total')).toEqual([])
  })

  it('keeps every slide under 40 visible words and cites a source wherever a number or year shows', () => {
    expect(about('words', 'uncited-number')).toEqual([])
  })

  it('has a title slide and 18–26 slides in the talk, closing on Q&A and the sources', () => {
    expect(deck.slides[0]?.title).not.toBe('')
    expect(talk.length).toBeGreaterThanOrEqual(18)
    expect(talk.length).toBeLessThanOrEqual(26)
    const closing = talk.filter(s => s.act === 'closing')
    expect(closing.some(s => /<SourcesList\b/.test(s.content)), 'a closing slide lists the sources').toBe(true)
    expect(closing.some(s => /question/i.test(s.title)), 'a Q&A slide').toBe(true)
  })

  it('keeps sourced backup slides for likely questions at the end, the data slide among them', () => {
    expect(backup.length).toBeGreaterThanOrEqual(4)
    expect(deck.slides.slice(-backup.length).every(s => s.act === 'backup'), 'backup slides close the deck').toBe(true)
    // Each answer cites; the data slide shows code, not claims.
    const answers = backup.filter(s => !/^<<< @\/snippets\//m.test(s.content))
    expect(answers.length).toBeGreaterThanOrEqual(3)
    expect(answers.filter(s => !/<(SourceCite|EvidenceChart|CrisisTimeline|StrengthsGrid|BigStat)\b/.test(s.content)).map(s => s.title)).toEqual([])
    expect(backup.some(s => /^<<< @\/snippets\/schema\.ts#rules/m.test(s.content)), 'the data slide shows the schema rules').toBe(true)
  })

  it('carries the alliance triangle through the acts: frayed, mending, unattended, reinforced', () => {
    const states = talk.flatMap(s => Array.from(s.content.matchAll(/<AllianceTriangle\b[^>]*\sstate="([a-z]+)"/g), m => m[1]))
    expect(states.filter((s, i) => s !== states[i - 1])).toEqual(['frayed', 'mending', 'unattended', 'reinforced'])
  })

  it('keeps the talk offline: no remote font provider, a local favicon', () => {
    const fonts = deck.headmatter.fonts as Record<string, unknown> | undefined
    expect(fonts?.provider).toBe('none')
    expect(String(deck.headmatter.favicon)).not.toMatch(/^https?:|^\/\//)
  })
})
