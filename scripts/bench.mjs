#!/usr/bin/env node
// `npm run bench [-- --runs 5 --exports 5 --ref-exports 3]` (`--exports 0`: no PDF exports): this
// deck against a plain Slidev deck of the same length, built, visited and exported the same way on
// this machine, in turns. Prints one table (deck, reference, ratio, target, met) and writes it to
// bench/results.json. A benchmark, not a test: it asserts nothing.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem, type } from 'node:os'
import { dirname, extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildDeck, command, flags, launchChromium, ROOT, run, serveStatic } from './lib.mjs'
import { FIRST_VISIT_MS, measureReading, measureVisit, QUIET_MS } from './bench/measure.mjs'

/** @typedef {'deck' | 'reference'} Name */
/** @typedef {Awaited<ReturnType<typeof measureVisit>>} Visit */
const WORK = join(ROOT, '.cache', 'bench')
/** @type {Name[]} */
const NAMES = ['reference', 'deck']
const log = (/** @type {unknown[]} */ ...a) => console.error('[bench]', ...a)
/** @param {(number | undefined)[]} xs */
function median(xs) {
  const s = /** @type {number[]} */ (xs.filter(x => Number.isFinite(x))).sort((a, b) => a - b)
  return s.length ? ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2 : Number.NaN
}

command('bench', async () => {
  const opts = flags({ 'runs': { type: 'string', default: '5' }, 'exports': { type: 'string', default: '5' }, 'ref-exports': { type: 'string', default: '3' } })
  const [RUNS, EXPORTS, REF_EXPORTS] = [Number(opts.runs), Number(opts.exports), Math.min(Number(opts.exports), Number(opts['ref-exports']))]
  const browser = await launchChromium()
  const { slides } = await (await import('@slidev/parser/fs')).load({ roots: [ROOT], userRoot: ROOT }, join(ROOT, 'slides.md'))
  const SLIDES = slides.length
  const load = [loadavg()[0] ?? 0]
  const entry = { deck: join(ROOT, 'slides.md'), reference: join(WORK, 'reference', 'slides.md') }
  // The yardstick: a heading, three bullets and notes per slide, default theme, no web fonts, a
  // local favicon; its own project root for Slidev, inside the repo so it resolves the same CLI.
  await rm(dirname(entry.reference), { recursive: true, force: true })
  await mkdir(join(dirname(entry.reference), 'public'), { recursive: true })
  await copyFile(join(ROOT, 'public', 'favicon.svg'), join(dirname(entry.reference), 'public', 'favicon.svg'))
  await writeFile(join(dirname(entry.reference), 'package.json'), '{ "name": "bench-reference", "private": true, "type": "module" }\n')
  const slide = (/** @type {number} */ n) => `# Slide ${n}: a plain heading\n\n${[1, 2, 3].map(i => `- Point ${i} of slide ${n}, one line of text`).join('\n')}\n\n<!--\nSpeaker notes for slide ${n}: two sentences a speaker would read. Nothing else.\n-->`
  await writeFile(entry.reference, `---\ntheme: default\ntitle: Reference deck\nfavicon: /favicon.svg\nfonts:\n  provider: none\n---\n\n${Array.from({ length: SLIDES }, (_, i) => slide(i + 1)).join('\n\n---\n\n')}\n`)

  // Builds, timed, one after the other with the same CLI; gzipped copies beside the text files,
  // so the static host sends what a real one would.
  const build = { deck: 0, reference: 0 }
  const servers = /** @type {Record<Name, Awaited<ReturnType<typeof serveStatic>>>} */ ({})
  for (const name of NAMES) {
    const dist = join(WORK, `dist-${name}`)
    await rm(dist, { recursive: true, force: true })
    build[name] = (await buildDeck(dist, [], entry[name])).seconds
    log(`build ${name} ${build[name].toFixed(1)} s`)
    for (const f of await readdir(dist, { recursive: true })) {
      if (/^\.(html|js|css|json|svg|webmanifest)$/.test(extname(f)))
        await writeFile(join(dist, `${f}.gz`), gzipSync(await readFile(join(dist, f))))
    }
    servers[name] = await serveStatic(dist, '/', { gzip: true })
  }

  // Visits, alternating decks so background load spreads over both, after one uncounted warm-up
  // each (the browser's own first-run costs are nobody's deck).
  /** @type {Record<Name, Visit[]>} */
  const visits = { deck: [], reference: [] }
  /** @type {Awaited<ReturnType<typeof measureReading>>[]} */
  const reading = []
  for (const name of NAMES)
    await measureVisit(browser, servers[name].url, 1)
  for (let i = 0; i < RUNS; i++) {
    for (const name of NAMES) {
      const v = await measureVisit(browser, servers[name].url, SLIDES)
      visits[name].push(v)
      log(`visit ${i + 1}/${RUNS} ${name}: ${(v.beforeSlide1.bytes / 1024).toFixed(1)} KB before slide 1 (${v.slide1Ms.toFixed(0)} ms), ${(v.firstVisit.bytes / 1024).toFixed(1)} KB in ${FIRST_VISIT_MS / 1000} s`)
    }
    reading.push(await measureReading(browser, servers.deck.url))
    load.push(loadavg()[0] ?? 0)
  }
  await Promise.all(NAMES.map(name => servers[name].close()))
  const [chromium] = [browser.version(), await browser.close()]

  // PDF exports with `npm run export`, timed: a success has passed its checks (a page per slide,
  // text on each, every chart drawn). Each deck keeps its own Vite cache; decks alternate.
  /** @type {Record<Name, { ok: boolean, seconds: number, tail?: string }[]>} */
  const exportsRun = { deck: [], reference: [] }
  for (let i = 0; i < EXPORTS; i++) {
    for (const name of NAMES.filter(n => n === 'deck' || i < REF_EXPORTS)) {
      const r = await run(process.execPath, [join(ROOT, 'scripts', 'export.mjs'), '--entry', entry[name], '--output', join(WORK, `export-${name}.pdf`)], { DECK_VITE_CACHE_DIR: join(ROOT, 'node_modules', '.vite', `bench-${name}`) })
      exportsRun[name].push({ ok: r.code === 0, seconds: r.seconds, tail: r.code === 0 ? undefined : r.stderr.slice(-600) })
      log(`export ${name} ${i + 1}: ${r.code === 0 ? 'ok' : 'FAILED'} ${r.seconds.toFixed(1)} s`)
      load.push(loadavg()[0] ?? 0)
    }
  }

  // One row per figure: [label, value for a deck, unit, digits, target]. Visit figures are medians
  // over the visits (per visit, the median or the worst over its slides). A target is a ratio to
  // the reference column (≤ x×), or a ceiling or floor in the figure's unit.
  const med = (/** @type {Name} */ n, /** @type {(v: Visit) => number} */ get) => median(visits[n].map(get))
  const charts = (/** @type {Name} */ n) => [...new Set(visits[n].flatMap(v => v.charts.map(c => c.no)))].map(no => ({ no, ms: median(visits[n].map(v => v.charts.find(c => c.no === no)?.enterToDrawnMs)) }))
  const ok = (/** @type {Name} */ n) => exportsRun[n].filter(e => e.ok)
  const kb = (/** @type {'beforeSlide1' | 'firstVisit'} */ when, /** @type {'bytes' | 'js' | 'css' | 'fonts' | 'icons'} */ k) => (/** @type {Name} */ n) => med(n, v => v[when][k] / 1024)
  /** @type {[string, (n: Name) => number, string, number, { ratio?: number, max?: number, min?: number }?][]} */
  const rows = [
    ['fetched before slide 1 is visible', kb('beforeSlide1', 'bytes'), 'KB', 1, { ratio: 0.8 }],
    ['· requests', n => med(n, v => v.beforeSlide1.requests), '', 0],
    ['· JS', kb('beforeSlide1', 'js'), 'KB', 1],
    ['· CSS', kb('beforeSlide1', 'css'), 'KB', 1],
    ['· fonts', kb('beforeSlide1', 'fonts'), 'KB', 1],
    ['· PWA icons and manifest', kb('beforeSlide1', 'icons'), 'KB', 1, { max: 0 }],
    [`fetched in the first ${FIRST_VISIT_MS / 1000} s of a first visit (service worker included)`, kb('firstVisit', 'bytes'), 'KB', 1, { ratio: 0.8 }],
    ['slide 1 visible', n => med(n, v => v.slide1Ms), 'ms', 0, { ratio: 0.9 }],
    ['next slide (median slide)', n => med(n, v => median(v.next.map(x => x.ms))), 'ms', 0, { ratio: 1.1 }],
    ['next slide (slowest slide)', n => med(n, v => Math.max(...v.next.map(x => x.ms))), 'ms', 0],
    ['chart drawn after its slide enters (slowest chart)', n => Math.max(...charts(n).map(c => c.ms)), 'ms', 0, { max: 50 }],
    ['reading view first screen at 390×844 (reference: this deck\'s slide 1)', n => (n === 'deck' ? median(reading.map(r => r.firstScreen.bytes / 1024)) : kb('beforeSlide1', 'bytes')('deck')), 'KB', 1, { ratio: 1 }],
    ['build', n => build[n], 's', 1],
    ['PDF export per slide', n => median(ok(n).map(e => e.seconds)) / SLIDES, 's', 2, { ratio: 1.1 }],
    [`PDF exports that passed their checks (of ${EXPORTS} in a row)`, n => (n === 'deck' ? ok(n).length : Number.NaN), '', 0, { min: EXPORTS }],
  ]
  const fmt = (/** @type {number} */ x, /** @type {number} */ d, unit = '') => (Number.isFinite(x) ? `${x.toFixed(d)} ${unit}`.trim() : '—')
  const table = rows.map(([label, get, unit, digits, t = {}]) => {
    const [a, b] = [get('deck'), get('reference')]
    const ratio = Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN
    const met = t.min !== undefined ? (t.min > 0 ? a >= t.min : undefined) : t.max !== undefined ? a <= t.max : t.ratio && Number.isFinite(ratio) ? ratio <= t.ratio : undefined
    const goal = t.ratio ? `≤ ${t.ratio}×` : t.min !== undefined ? `${t.min}/${t.min}` : t.max === undefined ? '' : `≤ ${t.max} ${unit}`
    return [label, fmt(a, digits, unit), fmt(b, digits, unit), fmt(ratio, 2, '×').replace(' ', ''), goal, goal ? (met === undefined ? 'n/a' : met ? 'yes' : 'NO') : '']
  })
  const machine = { date: new Date().toISOString(), os: type(), cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium, loadAverage: load }
  const head = ['figure', 'deck', 'reference', 'ratio', 'target', 'met']
  const widths = head.map((h, i) => Math.max(h.length, ...table.map(row => (row[i] ?? '').length)))
  console.log(`\n${SLIDES} slides each · ${RUNS} visits, ${EXPORTS}+${REF_EXPORTS} exports · medians · ${machine.date}`)
  console.log(`${machine.cpu} × ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${chromium}; load average ${load.map(l => l.toFixed(1)).join(' → ')}; quiet = ${QUIET_MS} ms without network\n`)
  for (const row of [head, head.map(() => '---'), ...table])
    console.log(`| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`)
  console.log(`\ncharts (slide: enter → drawn): ${charts('deck').map(c => `${c.no}: ${fmt(c.ms, 0, 'ms')}`).join(', ')}; exports (s): ${NAMES.map(n => `${n} ${exportsRun[n].map(e => e.seconds.toFixed(1)).join(', ')}`).join('; ')}`)
  for (const n of NAMES)
    new Set([...visits[n].flatMap(v => [...v.errors, ...v.offsite.map(u => `requested another host: ${u}`)]), ...exportsRun[n].flatMap(e => (e.tail ? [`a PDF export failed:\n${e.tail}`] : []))]).forEach(p => console.log(`WARNING: the ${n}: ${p}`))
  reading.filter(r => !r.landed.endsWith('/read')).forEach(r => console.log(`WARNING: a phone opening /1 landed on ${r.landed}, not the reading view`))
  await mkdir(join(ROOT, 'bench'), { recursive: true })
  await writeFile(join(ROOT, 'bench', 'results.json'), `${JSON.stringify({ machine, slides: SLIDES, runs: RUNS, table: [head, ...table], visits, reading, exports: exportsRun }, null, 2)}\n`)
  console.log('\nwritten: bench/results.json')
})
