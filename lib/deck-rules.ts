// The deck's rules as pure functions over slides parsed by Slidev's own parser. The same rules stop
// `slidev dev`, `build` and `export` when a slide would break (plugins/deck-check.ts) and hold the
// talk to its editorial bar in the tests. Every problem names the slide and the bad value.

/** 'error' breaks a slide (dev, build and export stop); 'editorial' is the talk's bar (tests fail, the build warns). */
export type Severity = 'error' | 'editorial'

export type RuleId = 'yaml' | 'act' | 'act-order' | 'act-missing' | 'notes' | 'words' | 'budget' | 'total'
  | 'uncited-number' | 'unknown-component' | 'unknown-id' | 'prop' | 'clicks' | 'kicker' | 'headmatter' | 'date'

export interface Problem { rule: RuleId, severity: Severity, message: string }

/** A slide: `no` counts from 1 as Slidev's URLs do; `content` is the markdown body without frontmatter
 * and notes; `note` the speaker notes ('' when none); `yamlErrors` what the YAML parser recorded. */
export interface DeckSlide { no: number, act: unknown, frontmatter: Record<string, unknown>, content: string, note: string, title: string, yamlErrors: string[] }

/** A component as written on a slide: static props as strings, bound ones as parsed literals;
 * `bound` names those bound to an expression, not a literal (`:clicks="$clicks"`). */
export interface ComponentUse { name: string, props: Record<string, unknown>, bound: Set<string> }

export interface DeckContext {
  acts: readonly { id: string, minutes: number }[]
  /** The talk's length in minutes (headmatter `duration`); notes beyond it at `wordsPerMinute` fail. */
  minutes?: number
  /** Components a slide may use (the deck's, the theme's, Slidev's and Vue's); unchecked when absent. */
  components?: ReadonlySet<string>
  /** Ids each kind of reference must be one of. */
  ids: { source: ReadonlySet<string>, series?: ReadonlySet<string>, event?: ReadonlySet<string>, strength?: ReadonlySet<string> }
  /** Click steps a stepping component takes (a timeline's steps); throws on an unknown id. */
  steps?: (use: ComponentUse) => number
  /** Text a component prints from data (event titles, a chart's finding), for the word limit. */
  componentText?: (use: ComponentUse) => string
  wordLimit?: number
  wordsPerMinute?: number
  tolerance?: number
}

/** Components that show their own source line, so a figure inside them is cited. */
const SELF_CITING = ['EvidenceChart', 'CrisisTimeline', 'StrengthsGrid', 'SourcesList']
/** String props whose text the audience reads on the slide. */
const VISIBLE_PROPS = ['value', 'label', 'caption']
/** Which prop of which component holds references of which kind. */
const REFERENCES: Record<string, Record<string, keyof DeckContext['ids']>> = {
  SourceCite: { ids: 'source' },
  BigStat: { sources: 'source' },
  SourcesList: { ids: 'source', from: 'source', to: 'source' },
  EvidenceChart: { series: 'series' },
  CrisisTimeline: { steps: 'event', ids: 'event' },
  StrengthsGrid: { ids: 'strength' },
}
/** A speaker's pace, in spoken words a minute: the talk's notes are timed at it. */
export const WORDS_PER_MINUTE = 130
/** The act of the backup slides for the Q&A: outside the timed talk. */
export const BACKUP_ACT = 'backup'
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
/** Props a component cannot work without. */
const REQUIRED: Record<string, string[]> = { SourceCite: ['ids'], BigStat: ['sources'], EvidenceChart: ['series'] }

/** "slide 5 ("The cost · trade")": the number and the heading, or the slide's first words. */
export function label(slide: DeckSlide): string {
  const words = visibleText(slide.content).split(' ').slice(0, 8).join(' ')
  return `slide ${slide.no} (${JSON.stringify(slide.title || words || 'untitled')})`
}

/** Slidev's parsed slides, shaped for the rules. */
export function toDeckSlides(parsed: ReadonlyArray<{ frontmatter: Record<string, unknown>, content: string, note?: string, title?: string, frontmatterDoc?: { errors?: readonly { message: string }[] }, source?: { frontmatterDoc?: { errors?: readonly { message: string }[] } } }>): DeckSlide[] {
  return parsed.map((s, i) => ({
    no: i + 1,
    act: s.frontmatter.act,
    frontmatter: s.frontmatter,
    content: s.content,
    note: (s.note ?? '').trim(),
    title: s.title ?? '',
    yamlErrors: (s.source?.frontmatterDoc ?? s.frontmatterDoc)?.errors?.map(e => e.message.split('\n')[0]!) ?? [],
  }))
}

/** The slide's markup without what is not rendered as markup: code, comments, snippet imports. */
function markup(content: string): string {
  return content
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^(`{3,})[\s\S]*?^\1/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/^<<<.*$/gm, ' ')
}

/** A bound prop's value as data: a JS literal of strings, numbers and arrays, or undefined. */
function literal(expr: string): unknown {
  try {
    return JSON.parse(expr.replace(/'/g, '"'))
  }
  catch {
    return undefined
  }
}

/** Every capitalised component tag of a slide with its props. */
export function componentUses(content: string): ComponentUse[] {
  return Array.from(markup(content).matchAll(/<([A-Z][\w]*)\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g), ([, name = '', attrs = '']) => {
    const props: Record<string, unknown> = {}
    const bound = new Set<string>()
    for (const [, colon, key = '', value = ''] of attrs.matchAll(/(:?)([\w-]+)="([^"]*)"/g)) {
      const parsed = colon ? literal(value) : value
      if (colon && parsed === undefined)
        bound.add(key)
      props[key] = colon ? parsed ?? value : value
    }
    return { name, props, bound }
  })
}

/** Reference values of a prop: "S1 S2", "S1,S2", ['S1'], [['a'], ['b']] → flat list of strings. */
function refs(value: unknown): string[] {
  if (typeof value === 'string')
    return value.split(/[\s,]+/).filter(Boolean)
  return Array.isArray(value) ? value.flat(2).map(String) : []
}

/** The text the audience sees: markdown and HTML text plus the text components print. */
export function visibleText(content: string, componentText?: DeckContext['componentText']): string {
  const printed: string[] = []
  const text = markup(content)
    .replace(/^::[\w-]+::\s*$/gm, ' ')
    .replace(/<([A-Z][\w]*)\b((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g, (tag: string) => {
      for (const use of componentUses(tag)) {
        try {
          printed.push(componentText?.(use) ?? '')
        }
        catch {} // an unknown id is reported by the reference check
        for (const p of VISIBLE_PROPS) {
          if (typeof use.props[p] === 'string' && !use.bound.has(p))
            printed.push(use.props[p])
        }
      }
      return ' '
    })
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/[#>*_`|]/g, ' ')
    .replace(/^\s*[-+]\s+/gm, ' ')
  return `${text} ${printed.join(' ')}`.replace(/\s+/g, ' ').trim()
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length
}

/** Spoken words of the notes; Slidev's `[click]` / `[click:n]` markers are not spoken. */
export function noteWords(note: string): number {
  return countWords(note.replace(/\[click(?::\d+)?\]/gi, ' '))
}

/** Clicks the notes are written for: `[click]` counts one, `[click:n]` counts n. */
export function noteClicks(note: string): number {
  let n = 0
  for (const m of note.matchAll(/\[click(?::(\d+))?\]/gi)) n += Number(m[1] ?? 1)
  return n
}

/** Clicks the markup declares (v-click attributes and elements); undefined when it cannot be told. */
export function markupClicks(content: string): number | undefined {
  const body = markup(content)
  // <v-clicks> expands to one click per child: not countable from the markdown alone.
  if (/<v-clicks\b/i.test(body))
    return undefined
  return (body.match(/\sv-click(?=[\s>=/.])/g)?.length ?? 0) + (body.match(/<v-click\b(?!s)/gi)?.length ?? 0)
}

export function checkDeck(slides: readonly DeckSlide[], ctx: DeckContext): Problem[] {
  const { acts, components, ids, steps, componentText, wordLimit = 40, wordsPerMinute = WORDS_PER_MINUTE, tolerance = 0.1 } = ctx
  const problems: Problem[] = []
  const add = (rule: RuleId, severity: Severity, message: string) => problems.push({ rule, severity, message })
  const actIds = acts.map(a => a.id)

  for (const slide of slides)
    slide.yamlErrors.forEach(message => add('yaml', 'error', `${label(slide)} has a frontmatter YAML error: ${message}`))
  let highest = -1
  let highestSlide: DeckSlide | undefined
  for (const slide of slides) {
    const i = actIds.indexOf(String(slide.act))
    if (i < 0) {
      add('act', 'error', `${label(slide)} has act ${JSON.stringify(slide.act)}, not one of ${actIds.join(', ')}`)
      continue
    }
    if (i < highest && highestSlide)
      add('act-order', 'editorial', `${label(slide)} is in act "${actIds[i]}" but comes after ${label(highestSlide)} in act "${actIds[highest]}"`)
    if (i > highest) {
      highest = i
      highestSlide = slide
    }
  }
  const present = new Set(slides.map(s => String(s.act)))
  for (const id of actIds.filter(id => !present.has(id)))
    add('act-missing', 'editorial', `act "${id}" has no slide`)

  // The acts the talk numbers for its audience: the timed ones after the opening.
  const numbered = acts.filter(a => a.minutes > 0).slice(1).map(a => a.id)
  for (const slide of slides) {
    if (!slide.note)
      add('notes', 'editorial', `${label(slide)} has no speaker notes`)
    const n = numbered.indexOf(String(slide.act))
    const kicker = /<p\s[^>]*class="[^"]*\bwc-kicker\b[^"]*"[^>]*>([\s\S]*?)<\/p>/.exec(markup(slide.content))?.[1]?.replace(/<[^>]+>/g, '').trim()
    if (n >= 0 && !kicker?.startsWith(`Act ${NUMBERS[n]} · `))
      add('kicker', 'editorial', `${label(slide)} is in act ${n + 1} but its kicker is ${JSON.stringify(kicker ?? null)}, not "Act ${NUMBERS[n]} · …"`)

    const uses = componentUses(slide.content)
    let stepping = 0
    for (const use of uses) {
      const tag = `<${use.name}>`
      if (components && !components.has(use.name)) {
        add('unknown-component', 'error', `${label(slide)} uses ${tag}, which is not a component in components/ or a Slidev built-in`)
        continue
      }
      for (const prop of REQUIRED[use.name] ?? []) {
        if (!refs(use.props[prop]).length)
          add('prop', 'error', `${label(slide)} has a ${tag} without ${prop}`)
      }
      for (const [prop, kind] of Object.entries(REFERENCES[use.name] ?? {})) {
        if (use.bound.has(prop)) {
          add('prop', 'error', `${label(slide)}: ${tag} ${prop} is not a literal the deck check can read: ${JSON.stringify(use.props[prop])}`)
          continue
        }
        for (const id of refs(use.props[prop])) {
          if (!ids[kind]?.has(id) && ids[kind])
            add('unknown-id', 'error', `${label(slide)}: ${tag} ${prop} names ${kind} "${id}", which the data does not hold`)
        }
      }
      if (steps && use.bound.has('clicks')) {
        try {
          stepping += steps(use)
        }
        catch (err) {
          // An unknown id is reported once, by the reference check above.
          if (!ids.event)
            add('unknown-id', 'error', `${label(slide)}: ${tag} ${(err as Error).message}`)
        }
      }
    }

    const text = visibleText(slide.content, componentText)
    const words = countWords(text)
    if (words > wordLimit)
      add('words', 'editorial', `${label(slide)} shows ${words} words (limit ${wordLimit}): "${text}"`)
    const numbers = visibleText(slide.content).match(/\d+(?:[.,]\d+)*/g) ?? []
    const cited = uses.some(u => SELF_CITING.includes(u.name) || (u.name === 'SourceCite' && refs(u.props.ids).length) || (u.name === 'BigStat' && refs(u.props.sources).length))
    if (numbers.length > 0 && !cited)
      add('uncited-number', 'editorial', `${label(slide)} shows ${numbers.join(', ')} with no source on the slide`)

    const fm = slide.frontmatter.clicks
    const declared = typeof fm === 'number' ? fm : markupClicks(slide.content)
    if (stepping > 0 && fm !== stepping + (markupClicks(slide.content) ?? 0))
      add('clicks', 'error', `${label(slide)} steps through ${stepping} click(s) in its components but sets clicks: ${JSON.stringify(fm ?? null)}`)
    else if (declared !== undefined && declared !== noteClicks(slide.note))
      add('clicks', 'error', `${label(slide)} has ${declared} click(s) but its notes mark ${noteClicks(slide.note)} [click] step(s)`)
  }

  let total = 0
  for (const act of acts) {
    const actSlides = slides.filter(s => s.act === act.id)
    const words = actSlides.reduce((sum, s) => sum + noteWords(s.note), 0)
    if (act.id !== BACKUP_ACT)
      total += words
    if (act.minutes <= 0 || actSlides.length === 0)
      continue
    const target = act.minutes * wordsPerMinute
    const [low, high] = [Math.ceil(target * (1 - tolerance)), Math.floor(target * (1 + tolerance))]
    if (words < low || words > high)
      add('budget', 'editorial', `act "${act.id}" notes are ${words} words, outside ${low}–${high} for ${act.minutes} min at ${wordsPerMinute} wpm (${actSlides.map(s => `${label(s)}: ${noteWords(s.note)}`).join('; ')})`)
  }
  if (ctx.minutes !== undefined && total > ctx.minutes * wordsPerMinute)
    add('total', 'editorial', `the talk's notes are ${total} words: over ${ctx.minutes} min at ${wordsPerMinute} wpm (${ctx.minutes * wordsPerMinute} words)`)
  return problems
}
