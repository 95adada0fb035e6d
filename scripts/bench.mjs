#!/usr/bin/env node
// `npm run bench`: this deck against a plain Slidev deck of the same length, built, visited and
// exported the same way on this machine. Prints one table (deck, reference, ratio, target) and
// writes the same figures to bench/results.json. A benchmark, not a test: it asserts nothing.
//
// Knobs (environment): BENCH_RUNS browser visits per deck (default 5), BENCH_BUILDS builds per
// deck (default 1), BENCH_EXPORTS PDF exports of our deck (default 5), BENCH_REF_EXPORTS exports
// of the reference (default 3); BENCH_EXPORTS=0 skips exports.
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, totalmem, type } from 'node:os'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildDeck, CHROMIUM_ARGS, command, launchChromium, ROOT, run, serveStatic } from './lib.mjs'
import { measureVisit, QUIET_MS } from './bench/measure.mjs'

/** @typedef {'deck' | 'reference'} Name */
/** @typedef {Awaited<ReturnType<typeof measureVisit>>} Visit */
const WORK = join(ROOT, '.cache', 'bench')
const num = (/** @type {string} */ name, /** @type {number} */ fallback) => (Number.isFinite(Number(process.env[name] || 'x')) ? Number(process.env[name]) : fallback)
const RUNS = num('BENCH_RUNS', 5)
const BUILDS = num('BENCH_BUILDS', 1)
const EXPORTS = num('BENCH_EXPORTS', 5)
const REF_EXPORTS = Math.min(EXPORTS, num('BENCH_REF_EXPORTS', 3))
/** @type {Name[]} */
const NAMES = ['reference', 'deck']
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest', '.txt'])
const log = (/** @type {unknown[]} */ ...a) => console.error('[bench]', ...a)
/** @param {(number | undefined)[]} xs */
function median(xs) {
  const s = /** @type {number[]} */ (xs.filter(x => Number.isFinite(x))).sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return !s.length ? Number.NaN : s.length % 2 ? s[m] ?? Number.NaN : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

/** The yardstick: a heading, three bullets and notes per slide, default theme, no web fonts, offline. */
async function writeReferenceDeck(/** @type {string} */ dir, /** @type {number} */ slides) {
  await rm(dir, { recursive: true, force: true })
  await mkdir(join(dir, 'public'), { recursive: true })
  await copyFile(join(ROOT, 'public', 'favicon.svg'), join(dir, 'public', 'favicon.svg'))
  const slide = (/** @type {number} */ n) => `# Slide ${n}: a plain heading\n\n${[1, 2, 3].map(i => `- Point ${i} of slide ${n}, one line of text`).join('\n')}\n\n<!--\nSpeaker notes for slide ${n}: two sentences a speaker would read. Nothing else.\n-->`
  const head = '---\ntheme: default\ntitle: Reference deck\nfavicon: /favicon.svg\nfonts:\n  provider: none\n---\n\n'
  await writeFile(join(dir, 'slides.md'), `${head}${Array.from({ length: slides }, (_, i) => slide(i + 1)).join('\n\n---\n\n')}\n`)
  // Its own project root for Slidev, inside the repo so it resolves the same @slidev/cli.
  await writeFile(join(dir, 'package.json'), '{ "name": "bench-reference", "private": true, "type": "module" }\n')
}

/** Gzipped copies beside the text files, so the static host sends what a real one would. */
async function precompress(/** @type {string} */ dist) {
  for (const f of await readdir(dist, { recursive: true })) {
    if (COMPRESSIBLE.has(extname(f)))
      await writeFile(join(dist, `${f}.gz`), gzipSync(await readFile(join(dist, f))))
  }
}

/** What the service worker precaches after load (undefined without one), compressed where a host would. */
async function precacheSize(/** @type {string} */ dist) {
  const sw = join(dist, 'sw.js')
  if (!existsSync(sw))
    return undefined
  const urls = new Set([...(await readFile(sw, 'utf8')).matchAll(/\burl:\s*"([^"]+)"/g)].map(m => decodeURIComponent(m[1]?.split('?')[0] ?? '')))
  let bytes = 0
  for (const url of urls) {
    const file = join(dist, existsSync(join(dist, `${url}.gz`)) ? `${url}.gz` : url)
    bytes += existsSync(file) ? (await readFile(file)).length : 0
  }
  return { files: urls.size, kb: bytes / 1024 }
}

command('bench', async () => {
  const browser = await launchChromium()
  const { slides } = await (await import('@slidev/parser/fs')).load({ roots: [ROOT], userRoot: ROOT }, join(ROOT, 'slides.md'))
  const SLIDES = slides.length
  /** @type {Record<Name, { entry: string, dist: string }>} */
  const decks = {
    deck: { entry: join(ROOT, 'slides.md'), dist: join(WORK, 'dist-deck') },
    reference: { entry: join(WORK, 'reference', 'slides.md'), dist: join(WORK, 'dist-reference') },
  }
  await writeReferenceDeck(join(WORK, 'reference'), SLIDES)
  log(`${SLIDES} slides each; reference deck in ${join(WORK, 'reference')}`)

  // Builds, timed, one after the other with the same CLI.
  /** @type {Record<Name, number[]>} */
  const builds = { deck: [], reference: [] }
  for (let i = 0; i < BUILDS; i++) {
    for (const name of NAMES) {
      await rm(decks[name].dist, { recursive: true, force: true })
      const { seconds } = await buildDeck(decks[name].dist, [], decks[name].entry)
      builds[name].push(seconds)
      log(`build ${name} ${seconds.toFixed(1)} s`)
    }
  }

  // Visits, alternating decks so background load spreads over both, after one uncounted warm-up
  // each (the browser's own first-run costs are nobody's deck).
  await Promise.all(NAMES.map(name => precompress(decks[name].dist)))
  const servers = { deck: await serveStatic(decks.deck.dist, '/', { gzip: true }), reference: await serveStatic(decks.reference.dist, '/', { gzip: true }) }
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
    // Diagnostic: with reduced motion charts do not animate, which separates drawing from animating.
    reducedMotionVisit = await measureVisit(browser, servers.deck.url, SLIDES, 'reduce')
  }
  finally {
    await servers.deck.close()
    await servers.reference.close()
  }
  const browserVersion = browser.version()
  await browser.close()

  // PDF exports with `npm run export`, timed: a success has passed its checks (a page per slide,
  // text on each, every chart drawn). Each deck keeps its own Vite cache.
  /** @type {Record<Name, { ok: boolean, seconds: number, tail?: string }[]>} */
  const exportsRun = { deck: [], reference: [] }
  for (const [name, n] of /** @type {[Name, number][]} */ ([['deck', EXPORTS], ['reference', REF_EXPORTS]])) {
    for (let i = 0; i < n; i++) {
      const r = await run(process.execPath, [join(ROOT, 'scripts', 'export.mjs'), '--entry', decks[name].entry, '--output', join(WORK, `export-${name}-${i + 1}.pdf`)], { DECK_VITE_CACHE_DIR: join(ROOT, 'node_modules', '.vite', `bench-${name}`) })
      exportsRun[name].push({ ok: r.code === 0, seconds: r.seconds, tail: r.code === 0 ? undefined : r.stderr.slice(-600) })
      log(`export ${name} ${i + 1}/${n}: ${r.code === 0 ? 'ok' : 'FAILED'} ${r.seconds.toFixed(1)} s`)
    }
  }

  /** @param {Name} name */
  async function figures(name) {
    const vs = visits[name]
    const fl = (/** @type {'requests' | 'bytes' | 'js' | 'css' | 'fonts' | 'other'} */ k) => median(vs.map(v => v.firstLoad[k]))
    const charts = [...new Set(vs.flatMap(v => v.charts.map(c => c.no)))].map(no => ({
      no,
      enterToDrawnMs: median(vs.map(v => v.charts.find(c => c.no === no)?.enterToDrawnMs)),
      keyToDrawnMs: median(vs.map(v => v.charts.find(c => c.no === no)?.keyToDrawnMs)),
    }))
    const ex = exportsRun[name]
    const okEx = ex.filter(e => e.ok)
    return {
      firstLoad: { requests: fl('requests'), kb: fl('bytes') / 1024, jsKb: fl('js') / 1024, cssKb: fl('css') / 1024, fontsKb: fl('fonts') / 1024, otherKb: fl('other') / 1024 },
      slide1Ms: median(vs.map(v => v.slide1Ms)),
      // Per visit, the median (and the worst) over the deck's slides; then the median over visits.
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
      precache: await precacheSize(decks[name].dist),
    }
  }
  /** @type {Record<Name, Awaited<ReturnType<typeof figures>>>} */
  const f = { deck: await figures('deck'), reference: await figures('reference') }

  /** @type {[string, (x: typeof f.deck) => number, string, number, { ratio?: number, max?: number, all?: boolean }?][]} */
  const rows = [
    ['first-load requests', x => x.firstLoad.requests, '', 0],
    ['first-load transferred', x => x.firstLoad.kb, 'KB', 1, { ratio: 0.8 }],
    ['  JS', x => x.firstLoad.jsKb, 'KB', 1],
    ['  CSS', x => x.firstLoad.cssKb, 'KB', 1],
    ['  fonts', x => x.firstLoad.fontsKb, 'KB', 1],
    ['  other', x => x.firstLoad.otherKb, 'KB', 1],
    ['after load: offline precache', x => x.precache?.kb ?? Number.NaN, 'KB', 1],
    ['slide 1 visible', x => x.slide1Ms, 'ms', 0, { ratio: 0.9 }],
    ['next slide (median slide)', x => x.nextSlideMs, 'ms', 0, { ratio: 1.1 }],
    ['next slide (slowest slide)', x => x.nextSlideWorstMs, 'ms', 0],
    ['chart drawn after enter (slowest chart)', x => x.chartWorstEnterToDrawnMs, 'ms', 0, { max: 50 }],
    ['build', x => x.buildSeconds, 's', 1],
    ['PDF export per slide', x => x.exportSecondsPerSlide, 's', 2, { ratio: 1.1 }],
    ['PDF exports succeeded', x => x.exports.ok, `/${EXPORTS}`, 0, { all: true }],
  ]
  const fmt = (/** @type {number} */ x, /** @type {number} */ d, unit = '') => (Number.isFinite(x) ? `${x.toFixed(d)} ${unit}`.trim() : '—')
  const table = rows.map(([label, get, unit, digits, target = {}]) => {
    const [a, b] = [get(f.deck), target.all ? Number.NaN : get(f.reference)]
    const ratio = Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN
    const known = (/** @type {number} */ x, /** @type {boolean} */ ok) => (Number.isFinite(x) ? ok : undefined)
    const [goal, met] = target.ratio
      ? [`≤ ${target.ratio}×`, known(ratio, ratio <= target.ratio)]
      : target.max ? [`≤ ${target.max} ${unit}`, known(a, a <= target.max)] : target.all ? [`${EXPORTS}/${EXPORTS}`, EXPORTS > 0 ? a === EXPORTS : undefined] : ['', undefined]
    return { label: label.trim(), unit, deck: a, reference: b, ratio, digits, goal, met }
  })
  const machine = { date: new Date().toISOString(), os: type(), cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: browserVersion, chromiumArgs: CHROMIUM_ARGS }

  const head = ['figure', 'deck', 'reference', 'ratio', 'target', 'met']
  const body = table.map((r, i) => [rows[i]?.[0] ?? r.label, fmt(r.deck, r.digits, r.unit), fmt(r.reference, r.digits, r.unit), fmt(r.ratio, 2, '×').replace(' ', ''), r.goal, r.met === undefined ? (r.goal ? 'n/a' : '') : r.met ? 'yes' : 'NO'])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map(row => (row[i] ?? '').length)))
  const line = (/** @type {string[]} */ row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  const chartTimes = (/** @type {{ no: number, enterToDrawnMs: number, keyToDrawnMs: number }[]} */ cs) => cs.map(c => `${c.no}: ${fmt(c.enterToDrawnMs, 0)} / ${fmt(c.keyToDrawnMs, 0)} ms`).join(', ')
  console.log(`\n${SLIDES} slides each · ${RUNS} visits, ${BUILDS} build(s), ${EXPORTS}+${REF_EXPORTS} exports · medians · ${machine.date}`)
  console.log(`${machine.cpu} × ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}; quiet = ${QUIET_MS} ms without network`)
  for (const row of [head, ...body])
    console.log(line(row))
  if (f.deck.charts.length)
    console.log(`charts (slide: enter → drawn / key → drawn): ${chartTimes(f.deck.charts)}`)
  if (reducedMotionVisit?.charts.length)
    console.log(`  same, reduced motion (no chart animation, 1 visit): ${chartTimes(reducedMotionVisit.charts)}`)
  for (const name of NAMES) {
    if (f[name].offsiteRequests.length)
      console.log(`WARNING: the ${name} requested other hosts: ${f[name].offsiteRequests.join(', ')}`)
    if (f[name].pageErrors.length)
      console.log(`WARNING: the ${name} logged errors in the browser:\n  ${f[name].pageErrors.join('\n  ')}`)
    for (const failure of f[name].exports.failures)
      console.log(`WARNING: a PDF export of the ${name} failed:\n${failure}`)
  }
  const results = { machine, slides: SLIDES, runs: { visits: RUNS, builds: BUILDS, exports: EXPORTS, referenceExports: REF_EXPORTS }, quietMs: QUIET_MS, table, deck: f.deck, reference: f.reference, deckReducedMotionCharts: reducedMotionVisit?.charts ?? [] }
  await mkdir(join(ROOT, 'bench'), { recursive: true })
  await writeFile(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log('\nwritten: bench/results.json')
})
