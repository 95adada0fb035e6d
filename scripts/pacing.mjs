#!/usr/bin/env node
// `npm run pacing`: for rehearsing, the spoken length of each act's notes against its budget, and
// the visible words of each slide (the deck check holds both to the talk's limits).
import { runnerImport } from 'vite'

const load = path => runnerImport(new URL(path, import.meta.url).pathname, { configFile: false, logLevel: 'error' }).then(r => r.module)
const [{ load: parseDeck }, rules, { deckContext }] = await Promise.all([import('@slidev/parser/fs'), load('../lib/deck-rules.ts'), load('../plugins/deck-check.ts')])
const root = new URL('..', import.meta.url).pathname
const deck = await parseDeck({ roots: [root], userRoot: root }, `${root}slides.md`)
const slides = rules.toDeckSlides(deck.slides)
const ctx = deckContext(root, await load('../snippets/index.ts'), deck.headmatter)
const wpm = 130
const minutes = (words) => {
  const s = Math.round(words / wpm * 60)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
let total = 0
for (const act of ctx.acts) {
  const own = slides.filter(s => s.act === act.id)
  const words = own.reduce((n, s) => n + rules.noteWords(s.note), 0)
  total += act.id === 'backup' ? 0 : words
  console.log(`${act.id.padEnd(18)} ${String(own.length).padStart(2)} slides ${String(words).padStart(5)} words ${minutes(words).padStart(5)}  budget ${minutes(act.minutes * wpm)}`)
}
console.log(`talk (backup aside)          ${String(total).padStart(5)} words ${minutes(total).padStart(5)}  of ${deck.headmatter.duration}`)
console.log(`visible words: ${slides.map(s => `${s.no}:${rules.countWords(rules.visibleText(s.content, ctx.componentText))}`).join(' ')}`)
