// Runs the deck's rules (lib/deck-rules.ts) where a mistake can still be fixed: when `slidev dev`,
// `build` or `export` starts (an error stops it before any page is rendered), and in `dev` each time
// slides.md or a data module is saved (the error prints in the terminal and in Vite's overlay, and
// clears once fixed). The tests run the same function on the real deck and on broken copies.
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { runnerImport } from 'vite'
import type { Plugin } from 'vite'
import { checkDeck, toDeckSlides } from '../lib/deck-rules.ts'
import type { ComponentUse, DeckContext, Problem } from '../lib/deck-rules.ts'
import * as loaded from '../snippets/index.ts'
import { isRealDate } from '../snippets/schema.ts'
import type { TimelineSelection } from '../snippets/timeline.ts'

export type DeckData = typeof loaded

/** Names a slide may use as components: Vue's, Slidev's built-ins, the theme's and the deck's own (Slidev's component dirs). */
export function knownComponents(root: string, theme = 'default'): Set<string> {
  const require = createRequire(join(root, 'package.json'))
  const pkg = (name: string) => dirname(require.resolve(`${name}/package.json`))
  const names = new Set(['Component', 'KeepAlive', 'Suspense', 'Teleport', 'Transition', 'TransitionGroup'])
  for (const dir of [join(pkg('@slidev/client'), 'builtin'), join(pkg(`@slidev/theme-${theme}`), 'components'), join(root, 'components')]) {
    for (const file of existsSync(dir) ? readdirSync(dir) : []) {
      if (/^[A-Z]\w*\.(?:vue|ts|js|md)$/.test(file))
        names.add(file.replace(/\.\w+$/, ''))
    }
  }
  return names
}

/** What the rules need to know about the deck's data and components. */
export function deckContext(root: string, data: DeckData, headmatter: Record<string, unknown>): DeckContext {
  const selection = (use: ComponentUse) => use.props as TimelineSelection
  return {
    acts: data.acts,
    minutes: Number.parseFloat(String(headmatter.duration ?? '')) || undefined,
    components: knownComponents(root, String(headmatter.theme ?? 'default')),
    ids: {
      source: data.SOURCE_IDS,
      series: new Set(data.SERIES_IDS),
      event: new Set(data.events.map(e => e.id)),
      strength: new Set(data.strengths.map(s => s.id)),
    },
    steps: use => use.name === 'CrisisTimeline' ? data.timelineSteps(selection(use)).length : 0,
    componentText(use) {
      if (use.name === 'CrisisTimeline')
        return data.timelineSteps(selection(use)).flat().map(e => e.title).join(' ')
      if (use.name === 'EvidenceChart')
        return data.SERIES_IDS.find(id => id === use.props.series) ? data.seriesById(use.props.series as loaded.SeriesId).finding : ''
      if (use.name === 'StrengthsGrid') {
        const ids = use.props.ids as string[] | undefined
        return data.strengths.filter(s => !ids || ids.includes(s.id)).map(s => `${data.formatShare(s)} ${s.label}`).join(' ')
      }
      return ''
    },
  }
}

/** Every problem of the deck at `entry`, each message prefixed with the file it is about. */
export async function checkDeckFile(root: string, entry: string, data: DeckData = loaded): Promise<Problem[]> {
  const deck = await load({ roots: [root], userRoot: root }, entry)
  const file = relative(root, entry)
  const problems = checkDeck(toDeckSlides(deck.slides), deckContext(root, data, deck.headmatter))
    .map(p => ({ ...p, message: `${file}: ${p.message}` }))
  for (const e of Object.values(deck.markdownFiles).flatMap(md => md.errors ?? []))
    problems.push({ rule: 'yaml', severity: 'error', message: `${file}: line ${e.row + 1}: ${e.message}` })
  // The cover shows who speaks where and when; the talk's date also bounds the data.
  for (const field of ['speaker', 'event', 'date'].filter(f => !String(deck.headmatter[f] ?? '').trim()))
    problems.push({ rule: 'headmatter', severity: 'error', message: `${file}: the headmatter has no ${field}: the cover shows it` })
  const talk = String(deck.headmatter.date ?? '')
  if (talk && !isRealDate(talk))
    problems.push({ rule: 'headmatter', severity: 'error', message: `${file}: the headmatter date ${JSON.stringify(talk)} is not a real calendar date (YYYY-MM-DD)` })
  data.events.forEach((e, i) => {
    const last = e.until ?? e.date
    if (isRealDate(talk) && last > talk)
      problems.push({ rule: 'date', severity: 'error', message: `snippets/timeline.ts: events[${i}] "${e.title}" → ${e.until ? 'until' : 'date'}: "${last}" is after the talk's date (${talk}, ${file} headmatter)` })
  })
  return problems
}

/** One block of text for a list of problems, errors first. */
export function describeProblems(problems: readonly Problem[]): string {
  return [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map(p => `${p.severity === 'error' ? '✖' : '·'} ${p.message}`).join('\n')
}

/** A problem in the deck, not in the code: its message is the whole story, so no stack trace. */
export class DeckCheckError extends Error {
  override name = 'DeckCheckError'
  override stack = `${this.name}: ${this.message}`
}

/** The Vite plugin: the check at start (dev, build, export) and on every save in dev. */
export function deckCheck(root: string): Plugin {
  // The deck Slidev was asked for: DECK_ENTRY when a script starts Slidev itself, else the CLI's
  // first .md argument (`slidev build talk.md`), else slides.md.
  const entry = resolve(root, process.env.DECK_ENTRY ?? process.argv.slice(2).find(a => a.endsWith('.md')) ?? 'slides.md')
  let data: DeckData = loaded
  let warned = ''
  let failing = false
  async function run(): Promise<void> {
    const problems = await checkDeckFile(root, entry, data)
    const errors = problems.filter(p => p.severity === 'error')
    if (errors.length)
      throw new DeckCheckError(`The deck check found ${errors.length} error(s):\n${describeProblems(errors)}`)
    // Editorial issues are printed when they change, not on every save.
    const notes = describeProblems(problems)
    if (notes && notes !== warned)
      console.warn(`The deck check found ${problems.length} editorial issue(s) (the tests fail on these):\n${notes}`)
    warned = notes
  }
  return {
    name: 'deck-check',
    // Before Slidev's own loader: a broken save never reaches the page (whose reload would also
    // clear Vite's overlay) and the overlay stays until the fix.
    enforce: 'pre',
    configResolved: run,
    async handleHotUpdate({ file, server }) {
      const inData = file.startsWith(join(root, 'snippets'))
      if (file !== entry && !inData)
        return
      try {
        if (inData)
          data = (await runnerImport<DeckData>(join(root, 'snippets', 'index.ts'), { configFile: false, logLevel: 'error' })).module
        await run()
      }
      catch (err) {
        failing = true
        server.config.logger.error(String((err as Error).message), { timestamp: true })
        throw err
      }
      // Fixed: the page drops the overlay and shows the deck as it now is.
      if (failing)
        server.hot.send({ type: 'full-reload' })
      failing = false
    },
  }
}
