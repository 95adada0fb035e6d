import { describe, expect, it } from 'vitest'
import { ACT_IDS } from '../../snippets/acts'
import { loadDeck } from '../support/deck'

const deck = await loadDeck()

describe('slides.md, as Slidev parses it', () => {
  it('has a title slide and at least one slide', () => {
    expect(deck.slides.length).toBeGreaterThan(1)
    expect(deck.slides[0]?.title).not.toBe('')
  })

  it.each(deck.slides.map(s => [s.no, s] as const))('slide %i names a known act and has speaker notes', (_no, slide) => {
    expect(ACT_IDS, `slide ${slide.no} ("${slide.title}") has act ${JSON.stringify(slide.act)}`).toContain(slide.act)
    expect(slide.note, `slide ${slide.no} ("${slide.title}") has no speaker notes`).not.toBe('')
  })

  it('gives every act, in the talk\'s order', () => {
    const order = deck.slides.map(s => ACT_IDS.indexOf(s.act as (typeof ACT_IDS)[number]))
    for (let i = 1; i < order.length; i++) {
      const prev = deck.slides[i - 1]!
      const cur = deck.slides[i]!
      expect(order[i]!, `slide ${cur.no} (act ${String(cur.act)}) comes after slide ${prev.no} (act ${String(prev.act)})`).toBeGreaterThanOrEqual(order[i - 1]!)
    }
    const present = new Set(deck.slides.map(s => s.act))
    expect(ACT_IDS.filter(a => !present.has(a)), 'acts with no slide').toEqual([])
  })

  it('keeps the talk offline: no remote font provider, a local favicon', () => {
    const fonts = deck.headmatter.fonts as Record<string, unknown> | undefined
    expect(fonts?.provider).toBe('none')
    expect(String(deck.headmatter.favicon)).not.toMatch(/^https?:|^\/\//)
  })
})
