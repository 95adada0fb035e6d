#!/usr/bin/env node
// `npm run pacing`: for rehearsing, the spoken length of each act's notes against its budget, and
// the visible words of each slide (the deck check holds both to the talk's limits).
import { fileURLToPath } from 'node:url'
import { load } from '@slidev/parser/fs'
import { runnerImport } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
/** @param {string} path @returns {Promise<unknown>} */
const ts = path => runnerImport(`${root}${path}`, { configFile: false, logLevel: 'error' }).then(r => r.module)
const rules = /** @type {typeof import('../lib/deck-rules.ts')} */ (await ts('lib/deck-rules.ts'))
const { deckContext } = /** @type {typeof import('../plugins/deck-check.ts')} */ (await ts('plugins/deck-check.ts'))
const deck = await load({ roots: [root], userRoot: root }, `${root}slides.md`)
const slides = rules.toDeckSlides(deck.slides)
const ctx = deckContext(root, /** @type {import('../plugins/deck-check.ts').DeckData} */ (await ts('snippets/index.ts')), deck.headmatter)
const WPM = rules.WORDS_PER_MINUTE
/** @param {number} words */
function minutes(words) {
  const s = Math.round(words / WPM * 60)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
let total = 0
for (const act of ctx.acts) {
  const own = slides.filter(s => s.act === act.id)
  const words = own.reduce((n, s) => n + rules.noteWords(s.note), 0)
  total += act.id === rules.BACKUP_ACT ? 0 : words
  console.log(`${act.id.padEnd(18)} ${String(own.length).padStart(2)} slides ${String(words).padStart(5)} words ${minutes(words).padStart(5)}  budget ${minutes(act.minutes * WPM)}`)
}
console.log(`talk (backup aside)          ${String(total).padStart(5)} words ${minutes(total).padStart(5)}  of ${deck.headmatter.duration}`)
console.log(`visible words: ${slides.map(s => `${s.no}:${rules.countWords(rules.visibleText(s.content, ctx.componentText))}`).join(' ')}`)
