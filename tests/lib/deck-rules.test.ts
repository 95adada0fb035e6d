// Each deck rule, fed a small deck through Slidev's own parser: a good deck passes, and one broken
// the way a hurried author would break it fails with a message naming the slide and the value.
import { parse } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { checkDeck, componentUses, countWords, markupClicks, noteClicks, toDeckSlides, visibleText } from '../../lib/deck-rules'
import type { DeckContext, RuleId } from '../../lib/deck-rules'

const ctx: DeckContext = {
  acts: [
    { id: 'opening', minutes: 0.1 }, // 13 words at 130 wpm: 12–14 pass at ±10%
    { id: 'body', minutes: 0.1 },
    { id: 'closing', minutes: 0 },
    { id: 'backup', minutes: 0 },
  ],
  minutes: 0.3, // 39 words for the whole talk, backup excluded
  components: new Set(['BigStat', 'SourceCite', 'EvidenceChart', 'CrisisTimeline']),
  ids: { source: new Set(['S1', 'S2']), series: new Set(['boycott-months']), event: new Set(['a', 'b', 'c']) },
  steps: use => (use.props.steps as unknown[] | undefined)?.length ?? 0,
}
const NOTE = 'one two three four five six seven eight nine ten eleven twelve thirteen'

interface Slide { act: string, body: string, note?: string | null, fm?: string }
function md(slides: Slide[]): string {
  return slides.map((s, i) => {
    const fm = [i === 0 ? 'duration: 1min' : '', `act: ${s.act}`, s.fm ?? ''].filter(Boolean).join('\n')
    const note = s.note === null ? '' : `\n\n<!--\n${s.note ?? NOTE}\n-->`
    return `---\n${fm}\n---\n\n${s.body}${note}\n`
  }).join('\n')
}
const good: Slide[] = [
  { act: 'opening', body: '# Hello\n\nA short claim.' },
  { act: 'body', body: '<p class="wc-kicker">Act one · <b>Figures</b></p>\n\n# A figure\n\n<BigStat value="12 years" label="since the last visit" sources="S1" />' },
  { act: 'closing', body: '# Questions', note: 'Thank you.' },
  { act: 'backup', body: '# A backup answer', note: `${NOTE} ${NOTE} ${NOTE}` },
]
async function problems(slides: Slide[], rule?: RuleId, options: Partial<DeckContext> = {}) {
  const all = checkDeck(toDeckSlides((await parse(md(slides), 'synthetic.md')).slides), { ...ctx, ...options })
  return (rule ? all.filter(p => p.rule === rule) : all).map(p => `${p.severity}: ${p.message}`)
}
const withSlide = (i: number, patch: Partial<Slide>) => good.map((s, j) => (j === i ? { ...s, ...patch } : s))

describe('deck rules on synthetic decks', () => {
  it('pass a deck that keeps every rule', async () => {
    expect(await problems(good)).toEqual([])
  })

  it('stop on a component tag that is not a component, naming the slide and the tag', async () => {
    expect(await problems(withSlide(1, { body: '# A figure\n\n<BigStats value="12" label="x" sources="S1" />' }), 'unknown-component')).toEqual([
      'error: slide 2 ("A figure") uses <BigStats>, which is not a component in components/ or a Slidev built-in',
    ])
    // Code and comments are not markup.
    expect(await problems(withSlide(0, { body: '# Hello\n\n```ts\nconst x: Array<Foo> = []\n```\n\n`<Bar>`' }), 'unknown-component')).toEqual([])
  })

  it('stop on a reference the data does not hold: source, series, timeline event', async () => {
    expect(await problems(withSlide(0, { body: '# Hello\n\nClaim <SourceCite ids="S999" />' }), 'unknown-id')).toEqual([
      'error: slide 1 ("Hello"): <SourceCite> ids names source "S999", which the data does not hold',
    ])
    expect(await problems(withSlide(0, { body: '# Hello\n\nClaim <SourceCite :ids="[\'S1\', \'S7\']" />' }), 'unknown-id')).toEqual([
      'error: slide 1 ("Hello"): <SourceCite> ids names source "S7", which the data does not hold',
    ])
    expect(await problems(withSlide(0, { body: '# Hello\n\n<EvidenceChart series="visitors" />' }), 'unknown-id')).toEqual([
      'error: slide 1 ("Hello"): <EvidenceChart> series names series "visitors", which the data does not hold',
    ])
    const timeline = '# Hello\n\n<CrisisTimeline :clicks="$clicks" :steps="[[\'a\'], [\'x\']]" />'
    expect(await problems(withSlide(0, { body: timeline, fm: 'clicks: 2', note: `[click] ${NOTE} [click]` }), 'unknown-id')).toEqual([
      'error: slide 1 ("Hello"): <CrisisTimeline> steps names event "x", which the data does not hold',
    ])
  })

  it('stop on a citation without ids, or a bound prop the check cannot read', async () => {
    expect(await problems(withSlide(0, { body: '# Hello\n\nClaim <SourceCite />' }), 'prop')).toEqual(['error: slide 1 ("Hello") has a <SourceCite> without ids'])
    expect(await problems(withSlide(0, { body: '# Hello\n\nClaim <SourceCite :ids="picked" />' }), 'prop')).toEqual([
      'error: slide 1 ("Hello"): <SourceCite> ids is not a literal the deck check can read: "picked"',
    ])
  })

  it('stop when a slide\'s clicks, its components\' steps and its [click] markers disagree', async () => {
    const timeline = '# Hello\n\n<CrisisTimeline :clicks="$clicks" :steps="[[\'a\'], [\'b\'], [\'c\']]" />'
    expect(await problems(withSlide(0, { body: timeline, fm: 'clicks: 3', note: `${NOTE} [click] a [click] b [click] c` }), 'clicks')).toEqual([])
    expect(await problems(withSlide(0, { body: timeline, fm: 'clicks: 2', note: `${NOTE} [click] a [click] b` }), 'clicks')).toEqual([
      'error: slide 1 ("Hello") steps through 3 click(s) in its components but sets clicks: 2',
    ])
    expect(await problems(withSlide(0, { body: timeline, note: NOTE }), 'clicks')).toEqual([
      'error: slide 1 ("Hello") steps through 3 click(s) in its components but sets clicks: null',
    ])
    const twoClicks = '# Hello\n\n<p v-click>a</p>\n\n<v-click>b</v-click>'
    expect(await problems(withSlide(0, { body: twoClicks, note: 'one two three four five six [click] seven eight nine ten [click] eleven twelve' }), 'clicks')).toEqual([])
    expect(await problems(withSlide(0, { body: twoClicks, note: `${NOTE} [click] more` }), 'clicks')).toEqual([
      'error: slide 1 ("Hello") has 2 click(s) but its notes mark 1 [click] step(s)',
    ])
  })

  it('stop on an unknown act and on a frontmatter YAML error, naming the slide', async () => {
    expect(await problems(withSlide(0, { act: 'prologue' }), 'act')).toEqual([expect.stringMatching(/^error: slide 1 \("Hello"\) has act "prologue", not one of opening, body, closing, backup$/)])
    expect(await problems(withSlide(1, { fm: 'title: "unclosed' }), 'yaml')).toEqual([expect.stringMatching(/^error: slide 2 \(.*\) has a frontmatter YAML error: Missing closing "quote/)])
  })

  it('hold acts in order, backup last, and every act present (editorial)', async () => {
    expect(await problems([good[1]!, good[0]!, good[2]!, good[3]!], 'act-order')).toEqual([
      'editorial: slide 2 ("Hello") is in act "opening" but comes after slide 1 ("A figure") in act "body"',
    ])
    expect(await problems([good[0]!, good[1]!, good[3]!, good[2]!], 'act-order')).toEqual([
      'editorial: slide 4 ("Questions") is in act "closing" but comes after slide 3 ("A backup answer") in act "backup"',
    ])
    expect(await problems([good[0]!, good[2]!, good[3]!], 'act-missing')).toEqual(['editorial: act "body" has no slide'])
  })

  it('want "Act n · …" kickers on every slide of the numbered acts, n matching the act', async () => {
    expect(await problems(withSlide(1, { body: '# A figure\n\n<BigStat value="12" label="x" sources="S1" />' }), 'kicker')).toEqual([
      'editorial: slide 2 ("A figure") is in act 1 but its kicker is null, not "Act one · …"',
    ])
    expect(await problems(withSlide(1, { body: '<p class="wc-kicker wc-jp">Act two · Figures</p>\n\n# A figure\n\n<BigStat value="12" label="x" sources="S1" />' }), 'kicker')).toEqual([
      'editorial: slide 2 ("A figure") is in act 1 but its kicker is "Act two · Figures", not "Act one · …"',
    ])
  })

  it('want notes on every slide, a comment at the end being the notes', async () => {
    expect(await problems(withSlide(2, { note: null }), 'notes')).toEqual(['editorial: slide 3 ("Questions") has no speaker notes'])
    expect(await problems(withSlide(2, { body: '# Questions\n\n<!-- draft -->\n\nMore text', note: null }), 'notes')).toEqual(['editorial: slide 3 ("Questions") has no speaker notes'])
  })

  it('count at most 40 visible words, with what components print but not code or notes', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}`).join(' ')
    expect(await problems(withSlide(0, { body: `# Hello\n\n${words(39)}` }), 'words')).toEqual([])
    expect(await problems(withSlide(0, { body: `# Hello\n\n${words(40)}` }), 'words')).toEqual([expect.stringMatching(/^editorial: slide 1 \("Hello"\) shows 41 words \(limit 40\)/)])
    expect(await problems(withSlide(1, { body: `# A figure\n\n<BigStat value="12" label="${words(39)}" sources="S1" />` }), 'words')).toEqual([expect.stringMatching(/shows 42 words/)])
    expect(await problems(withSlide(0, { body: `# Hello\n\n\`\`\`ts\n${words(60)}\n\`\`\`\n\n<<< @/snippets/schema.ts` }), 'words')).toEqual([])
    const finding = Array.from({ length: 40 }, () => 'word').join(' ')
    expect(await problems(withSlide(0, { body: '# Hello\n\n<EvidenceChart series="boycott-months" />' }), 'words', { componentText: u => (u.name === 'EvidenceChart' ? finding : '') })).toEqual([expect.stringMatching(/^editorial: slide 1 \("Hello"\) shows 41 words/)])
  })

  it('fit each timed act\'s notes to its minutes within ±10%', async () => {
    expect(await problems(withSlide(0, { note: 'far too short' }), 'budget')).toEqual([expect.stringMatching(/^editorial: act "opening" notes are 3 words, outside 12–14 .*slide 1 \("Hello"\): 3/)])
    expect(await problems(withSlide(1, { note: `${NOTE} fourteen fifteen` }), 'budget')).toEqual([expect.stringMatching(/^editorial: act "body" notes are 15 words/)])
    // [click] markers are not spoken words.
    expect(await problems(withSlide(0, { note: `[click] [click] ${NOTE}`, body: '# Hello\n\n<v-click>a</v-click><v-click>b</v-click>' }), 'budget')).toEqual([])
  })

  it('keep the talk, opening to closing, within its duration; backup slides do not count', async () => {
    // 13 + 13 + 2 = 28 of 39 words; the backup's 39 words are outside the talk.
    expect(await problems(good, 'total')).toEqual([])
    expect(await problems(withSlide(2, { note: NOTE }), 'total')).toEqual([])
    expect(await problems(withSlide(2, { note: `${NOTE} ${NOTE}` }), 'total')).toEqual(['editorial: the talk\'s notes are 52 words: over 0.3 min at 130 wpm (39 words)'])
  })

  it('want a source on every slide that shows a number or year', async () => {
    expect(await problems(withSlide(0, { body: '# Hello\n\nSanctions came in 2019.' }), 'uncited-number')).toEqual(['editorial: slide 1 ("Hello") shows 2019 with no source on the slide'])
    expect(await problems(withSlide(0, { body: '# Hello\n\nSanctions came in 2019. <SourceCite ids="S2" />' }), 'uncited-number')).toEqual([])
    expect(await problems(withSlide(0, { body: '# Hello\n\n<EvidenceChart series="boycott-months" />\n\nDown 65% by November 2019.' }), 'uncited-number')).toEqual([])
  })
})

describe('rule helpers', () => {
  it('read components and their props as written', () => {
    const [cite, timeline] = componentUses('<SourceCite :ids="[\'S9\', \'S10\']" /> and <CrisisTimeline :clicks="$clicks" from="2011" />')
    expect(cite).toMatchObject({ name: 'SourceCite', props: { ids: ['S9', 'S10'] } })
    expect(timeline?.props).toEqual({ clicks: '$clicks', from: '2011' })
    expect([...timeline!.bound]).toEqual(['clicks'])
  })
  it('count what the audience reads', () => {
    expect(visibleText('# Title\n\n- a **bold** item <SourceCite ids="S1" />\n\n::right::\n\n<div class="x">Seoul</div>')).toBe('Title a bold item Seoul')
    expect(countWords('윤석열 · 岸田文雄 met')).toBe(3)
  })
  it('count clicks only where the markdown tells', () => {
    expect(markupClicks('<v-clicks>\n\n- a\n- b\n\n</v-clicks>')).toBeUndefined()
    expect(markupClicks('<p v-click>a</p> <v-click>b</v-click> `<v-click>`')).toBe(2)
    expect(noteClicks('[click] a [CLICK:3] b')).toBe(4)
  })
})
