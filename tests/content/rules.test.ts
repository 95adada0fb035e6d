// Each editorial rule, fed a small deck through Slidev's own parser: a good deck passes, and one
// broken the way a hurried author would break it fails with a message naming the slide.
import { describe, expect, it } from 'vitest'
import { checkDeck, countWords, declaredClicks, noteClicks, parseDeck, visibleText, type RuleId } from './rules'

const acts = [
  { id: 'opening', minutes: 0.1 }, // 13 words at 130 wpm: 10–16 pass
  { id: 'body', minutes: 0.1 },
  { id: 'closing', minutes: 0 },
] as const
const sourceIds = new Set(['S1', 'S2'])
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
  { act: 'body', body: '# A figure\n\n<BigStat value="12 years" label="since the last visit" sources="S1" />' },
  { act: 'closing', body: '# Questions' },
]
async function problems(slides: Slide[], rule?: RuleId) {
  const all = checkDeck(await parseDeck(md(slides)), { acts, sourceIds })
  return (rule ? all.filter(p => p.rule === rule) : all).map(p => p.message)
}
const withSlide = (i: number, patch: Partial<Slide>) => good.map((s, j) => (j === i ? { ...s, ...patch } : s))

describe('content rules on synthetic decks', () => {
  it('pass a deck that keeps every rule', async () => {
    expect(await problems(good)).toEqual([])
  })

  it('fail when an act is out of order, naming the slide', async () => {
    const swapped = [good[1]!, good[0]!, good[2]!]
    expect(await problems(swapped, 'act-order')).toEqual([
      expect.stringMatching(/^slide 2 \("Hello"\) is in act "opening" but comes after slide 1 \("A figure"\) in act "body"/),
    ])
  })

  it('fail when an act is missing or unknown', async () => {
    expect(await problems([good[0]!, good[2]!], 'act-missing')).toEqual(['act "body" has no slide'])
    expect(await problems(withSlide(0, { act: 'prologue' }), 'act-order')).toEqual([expect.stringMatching(/^slide 1 \("Hello"\) has act "prologue"/)])
  })

  it('fail when a slide has no notes, or its last comment is not at the end', async () => {
    expect(await problems(withSlide(2, { note: null }), 'notes')).toEqual(['slide 3 ("Questions") has no speaker notes'])
    // A comment followed by more content is not notes in Slidev.
    const early = withSlide(2, { body: '# Questions\n\n<!-- draft -->\n\nMore text', note: null })
    expect(await problems(early, 'notes')).toEqual(['slide 3 ("Questions") has no speaker notes'])
  })

  it('fail when a slide shows more than 40 words, counting component text but not code or notes', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}`).join(' ')
    expect(await problems(withSlide(0, { body: `# Hello\n\n${words(38)}` }), 'words')).toEqual([])
    expect(await problems(withSlide(0, { body: `# Hello\n\n${words(40)}` }), 'words')).toEqual([expect.stringMatching(/^slide 1 \("Hello"\) shows 41 words \(limit 40\)/)])
    const viaProp = withSlide(1, { body: `# A figure\n\n<BigStat value="12" label="${words(39)}" sources="S1" />` })
    expect(await problems(viaProp, 'words')).toEqual([expect.stringMatching(/^slide 2 \("A figure"\) shows 42 words/)])
    const code = withSlide(0, { body: `# Hello\n\n\`\`\`ts\n${words(60)}\n\`\`\`\n\n<<< @/snippets/schema.ts` })
    expect(await problems(code, 'words')).toEqual([])
  })

  it('count the words a component prints from data, when told what it prints', async () => {
    const slides = withSlide(0, { body: '# Hello\n\n<EvidenceChart series="boycott-months" />' })
    const finding = Array.from({ length: 40 }, () => 'word').join(' ')
    const all = checkDeck(await parseDeck(md(slides)), { acts, sourceIds, componentText: name => (name === 'EvidenceChart' ? finding : '') })
    expect(all.filter(p => p.rule === 'words').map(p => p.message)).toEqual([expect.stringMatching(/^slide 1 \("Hello"\) shows 41 words/)])
  })

  it('fail when an act\'s notes fall outside ±20% of its minutes', async () => {
    expect(await problems(withSlide(0, { note: 'far too short' }), 'budget')).toEqual([
      expect.stringMatching(/^act "opening" notes are 3 words, outside 10–16 .*slide 1 \("Hello"\): 3/),
    ])
    expect(await problems(withSlide(1, { note: `${NOTE} ${NOTE}` }), 'budget')).toEqual([expect.stringMatching(/^act "body" notes are 26 words/)])
    // [click] markers are not spoken words.
    expect(await problems(withSlide(0, { note: `[click] [click] [click] [click] ${NOTE}`, body: '# Hello\n\n<v-click>a</v-click><v-click>b</v-click><v-click>c</v-click><v-click>d</v-click>' }), 'budget')).toEqual([])
  })

  it('fail when a number or year is shown with no source on the slide', async () => {
    expect(await problems(withSlide(0, { body: '# Hello\n\nSanctions came in 2019.' }), 'uncited-number')).toEqual([
      'slide 1 ("Hello") shows 2019 with no source on the slide',
    ])
    expect(await problems(withSlide(1, { body: '# A figure\n\n<BigStat value="12 years" label="since the last visit" />' }), 'uncited-number')).toEqual([
      'slide 2 ("A figure") shows 12 with no source on the slide',
    ])
    expect(await problems(withSlide(0, { body: '# Hello\n\nSanctions came in 2019. <SourceCite ids="S2" />' }), 'uncited-number')).toEqual([])
    expect(await problems(withSlide(0, { body: '# Hello\n\n<EvidenceChart series="boycott-months" />\n\nDown 65% by November 2019.' }), 'uncited-number')).toEqual([])
  })

  it('fail when a citation names a source the registry does not hold', async () => {
    expect(await problems(withSlide(0, { body: '# Hello\n\nClaim <SourceCite ids="S99" />' }), 'unknown-source')).toEqual([
      'slide 1 ("Hello") cites S99, which the source registry does not hold',
    ])
    expect(await problems(withSlide(0, { body: '# Hello\n\nClaim <SourceCite :ids="[\'S1\', \'S7\']" />' }), 'unknown-source')).toEqual([
      'slide 1 ("Hello") cites S7, which the source registry does not hold',
    ])
    expect(await problems(withSlide(1, { body: '# A figure\n\n<BigStat value="12" label="x" sources="S3" />' }), 'unknown-source')).toEqual([
      'slide 2 ("A figure") cites S3, which the source registry does not hold',
    ])
    expect(await problems(withSlide(0, { body: '# Hello\n\nClaim <SourceCite />' }), 'unknown-source')).toEqual([
      'slide 1 ("Hello") has a <SourceCite> without ids',
    ])
  })

  it('fail when a chart names a series the data does not hold', async () => {
    const slides = withSlide(0, { body: '# Hello\n\n<EvidenceChart series="visitors" />' })
    const all = checkDeck(await parseDeck(md(slides)), { acts, sourceIds, seriesIds: new Set(['boycott-months']) })
    expect(all.filter(p => p.rule === 'unknown-series').map(p => p.message)).toEqual([
      'slide 1 ("Hello") charts series "visitors", which snippets/series.ts does not hold',
    ])
  })

  it('fail when [click] markers do not match the slide\'s clicks', async () => {
    const twoClicks = '# Hello\n\n<p v-click>a</p>\n\n<v-click>b</v-click>'
    expect(await problems(withSlide(0, { body: twoClicks, note: `one two three four five six [click] seven eight nine ten [click] eleven twelve` }), 'clicks')).toEqual([])
    expect(await problems(withSlide(0, { body: twoClicks, note: `${NOTE} [click] more` }), 'clicks')).toEqual([
      'slide 1 ("Hello") has 2 click(s) but its notes mark 1 [click] step(s)',
    ])
    expect(await problems(withSlide(2, { fm: 'clicks: 3', note: '[click] one two three four [click:2] five six' }), 'clicks')).toEqual([])
    expect(await problems(withSlide(2, { fm: 'clicks: 3', note: 'no markers at all here' }), 'clicks')).toEqual([
      'slide 3 ("Questions") has 3 click(s) but its notes mark 0 [click] step(s)',
    ])
  })
})

describe('rule helpers', () => {
  it('count what the audience reads', () => {
    expect(visibleText('# Title\n\n- a **bold** item <SourceCite ids="S1" />\n\n::right::\n\n<div class="x">Seoul</div>')).toBe('Title a bold item Seoul')
    expect(countWords('윤석열 · 岸田文雄 met')).toBe(3)
  })
  it('count clicks only where the markdown tells', async () => {
    const [slide] = await parseDeck('---\nact: x\n---\n\n<v-clicks>\n\n- a\n- b\n\n</v-clicks>\n')
    expect(declaredClicks(slide!)).toBeUndefined()
    expect(noteClicks('[click] a [CLICK:3] b')).toBe(4)
  })
})
