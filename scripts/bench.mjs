#!/usr/bin/env node
// `npm run bench`: this deck against a plain Slidev deck of the same length, built and measured
// the same way on this machine. Prints one table (deck, reference, ratio, target) and writes the
// same figures to bench/results.json. A benchmark, not a test: it asserts nothing.
//
// Knobs (environment): BENCH_RUNS browser visits per deck (default 5), BENCH_BUILDS builds per
// deck (default 1), BENCH_EXPORTS PDF exports of our deck (default 5: the issue asks for five in
// a row), BENCH_REF_EXPORTS exports of the reference (default 3); BENCH_EXPORTS=0 skips exports.
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { cpus, totalmem, type } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from '@slidev/parser/fs'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from './find-chromium.mjs'
import { launch, measureVisit, QUIET_MS } from './bench/measure.mjs'
import { precacheSize } from './bench/precache.mjs'
import { writeReferenceDeck } from './bench/reference.mjs'
import { capture, median, slidev } from './bench/run.mjs'
import { serveStatic } from './bench/serve.mjs'

/** @typedef {'deck' | 'reference'} Name */
/** @typedef {Awaited<ReturnType<typeof measureVisit>>} Visit */
/** @typedef {{ ok: boolean, seconds: number, pages?: number, blank?: number, tail?: string }} ExportRun */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const WORK = join(ROOT, '.cache', 'bench')
/** @param {string} name @param {number} fallback */
const num = (name, fallback) => {
  const raw = process.env[name]
  const v = Number(raw)
  return raw !== undefined && raw !== '' && Number.isFinite(v) ? v : fallback
}
const RUNS = num('BENCH_RUNS', 5)
const BUILDS = num('BENCH_BUILDS', 1)
const EXPORTS = num('BENCH_EXPORTS', 5)
const REF_EXPORTS = Math.min(EXPORTS, num('BENCH_REF_EXPORTS', 3))
// The same per-page timeout as scripts/export.mjs (180 s; its comment says why).
const EXPORT_TIMEOUT_MS = 180_000
/** @type {Name[]} */
const NAMES = ['reference', 'deck']

/** @param {...unknown} a */
const log = (...a) => console.error('[bench]', ...a)

const chromiumPath = await findChromium()
if (!chromiumPath) {
  console.error(HOW_TO_GET_ONE)
  process.exit(1)
}

// 1. The two decks: ours, and the reference generated with as many slides.
const ours = await load({ roots: [ROOT], userRoot: ROOT }, join(ROOT, 'slides.md'))
const SLIDES = ours.slides.length
/** @type {Record<Name, { root: string, entry: string, dist: string }>} */
const decks = {
  deck: { root: ROOT, entry: join(ROOT, 'slides.md'), dist: join(WORK, 'dist-deck') },
  reference: { root: join(WORK, 'reference'), entry: join(WORK, 'reference', 'slides.md'), dist: join(WORK, 'dist-reference') },
}
await mkdir(WORK, { recursive: true })
await writeReferenceDeck(decks.reference.root, SLIDES, join(ROOT, 'public', 'favicon.svg'))
log(`${SLIDES} slides each; reference deck in ${decks.reference.root}`)

// 2. Builds, timed (wall clock of `slidev build`, the same CLI, one after the other).
/** @type {Record<Name, number[]>} */
const builds = { deck: [], reference: [] }
for (let i = 0; i < BUILDS; i++) {
  for (const name of NAMES) {
    const d = decks[name]
    await rm(d.dist, { recursive: true, force: true })
    const r = await slidev(d.root, ['build', d.entry, '--out', d.dist])
    if (r.code !== 0) {
      console.error(`slidev build of the ${name} failed:\n${r.out}`)
      process.exit(1)
    }
    builds[name].push(r.seconds)
    log(`build ${name} ${r.seconds.toFixed(1)} s`)
  }
}

// 3. Browser visits, alternating decks so background load spreads over both. One warm-up visit
// each first (not counted): the browser's own first-run costs are nobody's deck.
const servers = { deck: await serveStatic(decks.deck.dist), reference: await serveStatic(decks.reference.dist) }
const browser = await launch(chromiumPath)
const browserVersion = browser.version()
/** @type {Record<Name, Visit[]>} */
const visits = { deck: [], reference: [] }
/** @type {Visit | undefined} */
let reducedMotionVisit
try {
  for (const name of NAMES)
    await measureVisit(browser, servers[name].url, 1)
  for (let i = 0; i < RUNS; i++) {
    for (const name of NAMES) {
      const v = await measureVisit(browser, servers[name].url, SLIDES)
      visits[name].push(v)
      log(`visit ${i + 1}/${RUNS} ${name}: ${(v.firstLoad.bytes / 1024).toFixed(1)} KB in ${v.firstLoad.requests} requests, slide 1 at ${v.slide1Ms.toFixed(0)} ms`)
    }
  }
  // Diagnostic: one visit of our deck with prefers-reduced-motion, where charts do not animate,
  // separates drawing a chart from animating it in.
  reducedMotionVisit = await measureVisit(browser, servers.deck.url, SLIDES, 'reduce')
}
finally {
  await browser.close()
  await servers.deck.close()
  await servers.reference.close()
}

// 4. PDF exports, timed; our deck with the same flags as scripts/export.mjs.
/** @type {Record<Name, ExportRun[]>} */
const exportsRun = { deck: [], reference: [] }
const pdfinfo = (await capture('pdfinfo', ['-v'])) !== undefined || existsSync('/usr/bin/pdfinfo')
/** @type {[Name, number][]} */
const exportPlan = [['deck', EXPORTS], ['reference', REF_EXPORTS]]
for (const [name, n] of exportPlan) {
  const d = decks[name]
  for (let i = 0; i < n; i++) {
    const out = join(WORK, `export-${name}-${i + 1}`)
    await rm(`${out}.pdf`, { force: true })
    const r = await slidev(d.root, ['export', d.entry, '--executable-path', chromiumPath, '--timeout', String(EXPORT_TIMEOUT_MS), '--output', out])
    // Success is a PDF with one page per slide and text on every page: exit code 0 alone also
    // passes an export that printed the slides before they had rendered (blank pages).
    /** @type {number | undefined} */
    let pages
    /** @type {number | undefined} */
    let blank
    if (r.code === 0 && pdfinfo) {
      const info = await capture('pdfinfo', [`${out}.pdf`])
      pages = Number(/Pages:\s+(\d+)/.exec(info ?? '')?.[1])
      const text = await capture('pdftotext', ['-layout', `${out}.pdf`, '-'])
      blank = text === undefined ? undefined : text.split('\f').slice(0, pages).filter(p => !p.trim()).length
    }
    const ok = r.code === 0 && existsSync(`${out}.pdf`) && (pages === undefined || pages === SLIDES) && !blank
    const why = r.code !== 0 ? r.out.slice(-600) : `${pages} pages for ${SLIDES} slides, ${blank} without text`
    exportsRun[name].push({ ok, seconds: r.seconds, pages, blank, tail: ok ? undefined : why })
    log(`export ${name} ${i + 1}/${n}: ${ok ? 'ok' : 'FAILED'} ${r.seconds.toFixed(1)} s${pages ? `, ${pages} pages, ${blank ?? '?'} blank` : ''}`)
  }
}

// 5. Figures: medians over runs.
/** @type {Record<Name, { files: number, kb: number } | undefined>} */
const precache = { deck: await precacheSize(decks.deck.dist), reference: await precacheSize(decks.reference.dist) }
/** @param {Name} name */
function figures(name) {
  const vs = visits[name]
  /** @param {'requests' | 'bytes' | 'js' | 'css' | 'fonts' | 'other'} k */
  const fl = k => median(vs.map(v => v.firstLoad[k]))
  const chartSlides = [...new Set(vs.flatMap(v => v.charts.map(c => c.no)))]
  const charts = chartSlides.map(no => ({
    no,
    enterToDrawnMs: median(vs.map(v => v.charts.find(c => c.no === no)?.enterToDrawnMs)),
    keyToDrawnMs: median(vs.map(v => v.charts.find(c => c.no === no)?.keyToDrawnMs)),
  }))
  const ex = exportsRun[name]
  const okEx = ex.filter(e => e.ok)
  return {
    firstLoad: { requests: fl('requests'), kb: fl('bytes') / 1024, jsKb: fl('js') / 1024, cssKb: fl('css') / 1024, fontsKb: fl('fonts') / 1024, otherKb: fl('other') / 1024 },
    slide1Ms: median(vs.map(v => v.slide1Ms)),
    // Per visit, the median over the deck's slides; then the median over visits.
    nextSlideMs: median(vs.map(v => median(v.next.map(n => n.ms)))),
    nextSlideWorstMs: median(vs.map(v => Math.max(...v.next.map(n => n.ms)))),
    charts,
    chartWorstEnterToDrawnMs: charts.length ? Math.max(...charts.map(c => c.enterToDrawnMs)) : Number.NaN,
    buildSeconds: median(builds[name]),
    exportSecondsPerSlide: median(okEx.map(e => e.seconds)) / SLIDES,
    exports: { ok: okEx.length, runs: ex.length, secondsEach: ex.map(e => Number(e.seconds.toFixed(1))), failures: ex.filter(e => !e.ok).map(e => e.tail) },
    offsiteRequests: [...new Set(vs.flatMap(v => v.offsite))],
    pageErrors: [...new Set(vs.flatMap(v => v.errors))],
    firstLoadFiles: vs.at(-1)?.firstLoad.files ?? [],
    precache: precache[name],
  }
}
/** @typedef {ReturnType<typeof figures>} Figures */
const deck = figures('deck')
const reference = figures('reference')

/** @typedef {{ ratio?: number, max?: number, all?: boolean }} Target */
/** @type {[string, (f: Figures) => number, string, number, Target?][]} */
const rows = [
  ['first-load requests', f => f.firstLoad.requests, '', 0],
  ['first-load transferred', f => f.firstLoad.kb, 'KB', 1, { ratio: 0.8 }],
  ['  JS', f => f.firstLoad.jsKb, 'KB', 1],
  ['  CSS', f => f.firstLoad.cssKb, 'KB', 1],
  ['  fonts', f => f.firstLoad.fontsKb, 'KB', 1],
  ['  other', f => f.firstLoad.otherKb, 'KB', 1],
  ['after load: offline precache', f => f.precache?.kb ?? Number.NaN, 'KB', 1],
  ['slide 1 visible', f => f.slide1Ms, 'ms', 0, { ratio: 0.9 }],
  ['next slide (median slide)', f => f.nextSlideMs, 'ms', 0, { ratio: 1.1 }],
  ['next slide (slowest slide)', f => f.nextSlideWorstMs, 'ms', 0],
  ['chart drawn after enter (slowest chart)', f => f.chartWorstEnterToDrawnMs, 'ms', 0, { max: 50 }],
  ['build', f => f.buildSeconds, 's', 1],
  ['PDF export per slide', f => f.exportSecondsPerSlide, 's', 2, { ratio: 1.1 }],
  ['PDF exports succeeded', f => f.exports.ok, `/${EXPORTS}`, 0, { all: true }],
]
/** @param {number} x @param {number} d */
const fmt = (x, d) => (Number.isFinite(x) ? x.toFixed(d) : '—')
const table = rows.map(([label, get, unit, digits, target]) => {
  const a = get(deck)
  const own = label.startsWith('PDF exports succeeded')
  const b = own ? Number.NaN : get(reference)
  const ratio = Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN
  let goal = ''
  /** @type {boolean | undefined} */
  let met
  if (target?.ratio) {
    goal = `≤ ${target.ratio}×`
    met = Number.isFinite(ratio) ? ratio <= target.ratio : undefined
  }
  else if (target?.max) {
    goal = `≤ ${target.max} ${unit}`
    met = Number.isFinite(a) ? a <= target.max : undefined
  }
  else if (target?.all) {
    goal = `${EXPORTS}/${EXPORTS}`
    met = EXPORTS > 0 ? a === EXPORTS : undefined
  }
  return { label: label.trim(), unit, deck: a, reference: b, ratio, digits, goal, met }
})

const machine = {
  date: new Date().toISOString(),
  os: type(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: browserVersion,
  chromiumArgs: CHROMIUM_ARGS,
}

const head = ['figure', 'deck', 'reference', 'ratio', 'target', 'met']
const body = rows.map(([label], i) => {
  const r = table[i]
  if (!r)
    return []
  return [
    label,
    `${fmt(r.deck, r.digits)} ${r.unit}`.trim(),
    Number.isFinite(r.reference) ? `${fmt(r.reference, r.digits)} ${r.unit}`.trim() : '—',
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '—',
    r.goal,
    r.met === undefined ? (r.goal ? 'n/a' : '') : r.met ? 'yes' : 'NO',
  ]
})
const widths = head.map((h, i) => Math.max(h.length, ...body.map(row => (row[i] ?? '').length)))
/** @param {string[]} row */
const line = row => row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
console.log(`\n${SLIDES} slides each · ${RUNS} visits, ${BUILDS} build(s), ${EXPORTS}+${REF_EXPORTS} exports · medians · ${machine.date}`)
console.log(`${machine.cpu} × ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}; quiet = ${QUIET_MS} ms without network`)
console.log(line(head))
for (const row of body)
  console.log(line(row))
if (deck.charts.length)
  console.log(`charts (slide: enter → drawn / key → drawn): ${deck.charts.map(c => `${c.no}: ${fmt(c.enterToDrawnMs, 0)} / ${fmt(c.keyToDrawnMs, 0)} ms`).join(', ')}`)
if (reducedMotionVisit?.charts.length)
  console.log(`  same, reduced motion (no chart animation, 1 visit): ${reducedMotionVisit.charts.map(c => `${c.no}: ${fmt(c.enterToDrawnMs, 0)} / ${fmt(c.keyToDrawnMs, 0)} ms`).join(', ')}`)
for (const [name, f] of /** @type {[Name, Figures][]} */ ([['deck', deck], ['reference', reference]])) {
  if (f.offsiteRequests.length)
    console.log(`WARNING: the ${name} requested other hosts: ${f.offsiteRequests.join(', ')}`)
  if (f.pageErrors.length)
    console.log(`WARNING: the ${name} logged errors in the browser:\n  ${f.pageErrors.join('\n  ')}`)
  for (const failure of f.exports.failures)
    console.log(`WARNING: a PDF export of the ${name} failed:\n${failure}`)
}

const results = { machine, slides: SLIDES, runs: { visits: RUNS, builds: BUILDS, exports: EXPORTS, referenceExports: REF_EXPORTS }, quietMs: QUIET_MS, table, deck, reference, deckReducedMotionCharts: reducedMotionVisit?.charts ?? [] }
await mkdir(join(ROOT, 'bench'), { recursive: true })
await writeFile(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log('\nwritten: bench/results.json')
