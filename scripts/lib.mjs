// What the commands in scripts/ and the test helpers share, each in one place: the Chromium to
// use, Slidev's CLI and server, the deck's print view in Chromium, a static host for a build,
// and reading a PDF back with poppler. Importing this file starts nothing.
import { spawn, spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parseRangeString } from '@slidev/parser/utils'
import { chromium } from 'playwright-core'
import sirv from 'sirv'

/** @typedef {import('playwright-core').Browser} Browser */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const SLIDEV_BIN = join(dirname(createRequire(import.meta.url).resolve('@slidev/cli/package.json')), 'bin', 'slidev.mjs')
/** Where exports are written unless told otherwise; DECK_EXPORTS names another folder (a test run's own). */
export const EXPORTS = resolve(ROOT, process.env.DECK_EXPORTS || 'exports')
/** Flags headless Chromium needs on a root, offline, GPU-less machine. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A failure whose message says everything: a command prints it as one line, without a stack. */
export class Fail extends Error {}

/** Runs a command's body; a `Fail` (or a deck-check error) ends it with its message alone. @param {string} name @param {() => Promise<unknown>} body */
export function command(name, body) {
  body().then(() => process.exit(0), (/** @type {Error} */ e) => {
    console.error(e instanceof Fail || e.name === 'DeckCheckError' ? `${name}: ${e.message}` : e)
    process.exit(1)
  })
}

/**
 * The command's flags, with node's parseArgs; an unknown flag or a stray word is a `Fail`.
 * @template {import('node:util').ParseArgsConfig['options']} T @param {T} options
 */
export function flags(options, args = process.argv.slice(2)) {
  try {
    return parseArgs({ options, args, strict: true, allowPositionals: false }).values
  }
  catch (e) {
    throw new Fail(/** @type {Error} */ (e).message)
  }
}

/** The Chromium to use, never downloaded: $CHROMIUM_PATH, else a system install on PATH or in
 * /Applications, else Playwright's own browser if one is installed. @returns {string} */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH && !existsSync(env.CHROMIUM_PATH))
    throw new Fail(`CHROMIUM_PATH=${env.CHROMIUM_PATH} points at nothing. Point it at a Chromium or Chrome executable, or unset it to use the system one.`)
  const onPath = (env.PATH ?? '').split(delimiter).flatMap(dir => ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].map(name => join(dir, name)))
  const apps = ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']
  const found = [env.CHROMIUM_PATH, ...onPath, ...apps, chromium.executablePath()].find(p => p && existsSync(p))
  if (!found)
    throw new Fail('No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: `brew install --cask chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.')
  return found
}

/** @returns {Promise<Browser>} the system Chromium, headless */
export async function launchChromium() {
  const executablePath = findChromium()
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((/** @type {Error} */ e) => {
    throw new Fail(`Chromium at ${executablePath} did not start: ${e.message.split('\n')[0]}`)
  })
}

/**
 * Runs a command and collects its output; never throws on exit code. `env` entries set to undefined are unset.
 * @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env] @returns {Promise<{ code: number, stdout: string, stderr: string, seconds: number }>}
 */
export function run(cmd, args, env = {}, cwd = ROOT) {
  return new Promise((done) => {
    const start = performance.now()
    const out = { stdout: '', stderr: '' }
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (/** @type {Buffer} */ d) => { out.stdout += d })
    child.stderr.on('data', (/** @type {Buffer} */ d) => { out.stderr += d })
    child.on('error', e => done({ code: 127, stdout: '', stderr: `${cmd} could not be started: ${e.message}`, seconds: 0 }))
    child.on('close', code => done({ code: code ?? 1, ...out, seconds: (performance.now() - start) / 1000 }))
  })
}

/** Builds the deck at `entry` with this project's Slidev into outDir; throws with Slidev's output when it fails. */
export async function buildDeck(outDir = 'dist', extra = /** @type {string[]} */ ([]), entry = join(ROOT, 'slides.md')) {
  const res = await run(process.execPath, [SLIDEV_BIN, 'build', entry, '--out', outDir, ...extra], {}, dirname(entry))
  if (res.code !== 0)
    throw new Error(`slidev build ${extra.join(' ')} failed (exit ${res.code}):\n${res.stdout}\n${res.stderr}`)
  return res
}

/**
 * Serves a built deck on 127.0.0.1 under `base` as a static host does: an unknown path without an
 * extension (a deep link, /7) gets index.html ('spa', Netlify's rewrite) or 404.html with status 404
 * ('pages', GitHub Pages); with `gzip`, a precompressed `.gz` beside a file is sent.
 * @param {string} dir @param {string} [base] @param {{ fallback?: 'spa' | 'pages', gzip?: boolean }} [options]
 */
export async function serveStatic(dir, base = '/', options = {}) {
  const files = sirv(dir, { single: options.fallback !== 'pages', gzip: options.gzip })
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (!url.pathname.startsWith(base))
      return void res.writeHead(404).end('outside base')
    req.url = `/${url.pathname.slice(base.length)}${url.search}`
    files(req, res, () => {
      const page = join(dir, '404.html')
      if (options.fallback === 'pages' && !/\.\w+$/.test(url.pathname) && existsSync(page))
        return void res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(page))
      res.writeHead(404).end('not found')
    })
  })
  await new Promise(done => server.listen(0, '127.0.0.1', () => done(undefined)))
  const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`
  const close = () => new Promise((/** @type {(v?: void) => void} */ done) => server.close(() => done()).closeAllConnections())
  return { url: `${origin}${base}`, origin, close }
}

/** @typedef {Awaited<ReturnType<typeof serveStatic>>} StaticServer */
/** @typedef {Awaited<ReturnType<typeof run>>} RunResult */

/**
 * Starts Slidev's server for `entry` in export mode (the one with the print views) on a free
 * loopback port, with a Vite dependency cache of its own: a dev server or build running at the
 * same time re-bundles a shared one and answers this one with "504 Outdated Optimize Dep".
 */
export async function startDeck(entry = 'slides.md') {
  process.env.DECK_VITE_CACHE_DIR ||= join(ROOT, 'node_modules', '.vite', 'export')
  const { createServer, resolveOptions } = await import('@slidev/cli')
  process.env.DECK_ENTRY = resolve(ROOT, entry) // the deck check (plugins/deck-check.ts) checks this deck
  const options = await resolveOptions({ entry: process.env.DECK_ENTRY }, 'export')
  const server = await createServer(options, { cacheDir: process.env.DECK_VITE_CACHE_DIR, server: { host: '127.0.0.1', port: 0 }, logLevel: 'warn', clearScreen: false })
  await server.listen()
  const { config, slides } = options.data
  const [width, url] = [config.canvasWidth, server.resolvedUrls?.local[0] ?? '']
  return { url, slides, name: config.exportFilename || 'slides', width, height: Math.round(width / config.aspectRatio), close: () => server.close() }
}
/** @typedef {Awaited<ReturnType<typeof startDeck>>} Deck */

/**
 * Runs `body` with the deck at `entry` served and the system Chromium started (a missing
 * Chromium is found out before the server starts), and closes both afterwards.
 * @template T @param {string} entry @param {(deck: Deck, browser: Browser) => Promise<T>} body
 */
export async function withDeck(entry, body) {
  findChromium()
  const deck = await startDeck(entry)
  try {
    const browser = await launchChromium()
    return await body(deck, browser).finally(() => browser.close())
  }
  finally {
    await deck.close()
  }
}

// Runs in the page: each visible chart canvas of the print view, its share of drawn pixels and a
// fingerprint of them. Settled: every chart has ink and the same pixels as at the previous call.
const chartState = (/** @type {boolean} */ report) => {
  const charts = [...document.querySelectorAll('.print-slide-container canvas')].filter(c => c.checkVisibility()).map((c) => {
    const { width, height } = /** @type {HTMLCanvasElement} */ (c)
    const data = /** @type {HTMLCanvasElement} */ (c).getContext('2d')?.getImageData(0, 0, width || 1, height || 1).data ?? []
    let [ink, print] = [0, 0]
    for (let i = 3; i < data.length; i += 4) {
      if (data[i])
        [ink, print] = [ink + 1, (print * 31 + i + (data[i - 1] ?? 0) * 7 + (data[i - 3] ?? 0)) >>> 0]
    }
    return { slide: c.closest('.print-slide-container')?.id.split('-')[0], label: c.getAttribute('aria-label'), ink: ink / (width * height || 1), print }
  })
  const w = /** @type {{ __charts?: string }} */ (/** @type {unknown} */ (window))
  const settled = JSON.stringify(charts) === w.__charts && charts.every(c => c.ink > 0.002)
  w.__charts = JSON.stringify(charts)
  return report ? charts : settled
}

/**
 * Opens Slidev's print view of a running deck (every slide, or `range`, a page each; with `notes`
 * the speaker-notes view) and waits until it is complete: no slide loading, fonts in, every chart
 * drawn and no longer changing. A page error, a slide with nothing on it or a chart that never
 * settles is a `Fail` saying what was seen.
 * @param {Browser} browser @param {Deck} deck
 * @param {{ dark?: boolean, range?: string, withClicks?: boolean, notes?: boolean, scale?: number, timeout?: number }} [options]
 */
export async function openPrint(browser, deck, { dark = false, range, withClicks = false, notes = false, scale = 2, timeout = 180_000 } = {}) {
  const wanted = parseRangeString(deck.slides.length, range)
  if (range && wanted.length === 0)
    throw new Fail(`--range ${range} selects none of the ${deck.slides.length} slides`)
  // The scheme is set before the first paint, so charts are drawn once, in their final colours.
  const context = await browser.newContext({ viewport: { width: deck.width, height: deck.height }, deviceScaleFactor: scale, colorScheme: dark ? 'dark' : 'light' })
  const page = await context.newPage()
  /** @type {string[]} */
  const errors = []
  page.on('pageerror', e => errors.push(e.message))
  page.on('console', m => void (m.type() === 'error' && errors.push(m.text().split('\n')[0] ?? '')))
  const seen = () => (errors.length ? `; the page logged: ${[...new Set(errors)].join(' | ')}` : '')
  const step = (/** @type {string} */ what, /** @type {Promise<unknown>} */ wait) => wait.catch((/** @type {Error} */ e) => {
    throw new Fail(`${what} (${e.message.split('\n')[0]})${seen()}`)
  })
  await step('the print view did not load', page.goto(`${deck.url}${notes ? 'presenter/print' : `print?print=${withClicks ? 'clicks' : 'true'}`}`, { waitUntil: 'networkidle', timeout }))
  await step('nothing appeared', page.locator(notes ? '.slidev-note' : '.print-slide-container').first().waitFor({ timeout }))
  /** @type {{ id: string, no: number, empty: boolean }[]} */
  let pages = []
  if (!notes) {
    // The print view lists every slide: those outside the range are left out of the print, as is
    // the mermaid container after them (Slidev's own exporter hides it too: a blank last page).
    await page.evaluate((keep) => {
      for (const el of document.querySelectorAll('.print-slide-container, #mermaid-rendering-container')) {
        if (!keep.includes(Number(el.id.split('-')[0])))
          /** @type {HTMLElement} */ (el).style.display = 'none'
      }
    }, wanted)
    await step('slides were still loading', page.waitForFunction(() => !document.querySelector('.slidev-slide-loading'), null, { timeout }))
    await page.waitForFunction(chartState, false, { polling: 300, timeout: 30_000 }).catch(async () => {
      const charts = /** @type {{ slide: string, label: string, ink: number }[]} */ (await page.evaluate(chartState, true))
      const blank = charts.filter(c => c.ink <= 0.002).map(c => `slide ${c.slide}: chart "${c.label}" is blank`)
      throw new Fail(`${blank.join('; ') || 'the charts kept changing (still animating?)'}${seen()}`)
    })
    pages = await page.locator('.print-slide-container').evaluateAll(els => els.filter(e => e.checkVisibility()).map(e => ({
      id: e.id,
      no: Number(e.id.split('-')[0]),
      empty: !(/** @type {HTMLElement} */ (e).innerText.trim()) && !e.querySelector('img, svg, canvas'),
    })))
    const empty = pages.filter(s => s.empty).map(s => s.no)
    if (empty.length)
      throw new Fail(`slide(s) ${empty.join(', ')} rendered nothing${seen()}`)
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  if (errors.length)
    throw new Fail(`the print view logged an error${seen()}`)
  await page.emulateMedia({ media: 'screen' })
  return { page, pages, close: () => context.close() }
}

/** Makes sure `dir` is a folder that can be written (made when missing), before anything renders. @param {string} dir */
export function ensureFolder(dir) {
  const where = relative(ROOT, resolve(ROOT, dir)) || dir
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new Fail(`${where} is a file, not a folder: move it away or choose another --output`)
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
  }
  catch (e) {
    throw new Fail(`cannot write to ${where}/ (${/** @type {NodeJS.ErrnoException} */ (e).code}): choose another --output`)
  }
}

/**
 * Writes `output` (a file or a folder) through `write(partial)` beside it, and puts it in place
 * of the previous one only when `check(partial)` finds nothing wrong, so a failed export leaves
 * the last good one as it was.
 * @param {string} output @param {(partial: string) => Promise<unknown>} write @param {(partial: string) => string} [check]
 */
export async function replaceChecked(output, write, check = () => '') {
  const partial = join(dirname(output), `.${basename(output)}.partial`)
  try {
    await rm(partial, { recursive: true, force: true })
    await write(partial)
    const problems = check(partial)
    if (problems)
      throw new Fail(`the new ${basename(output)} has ${problems}; ${relative(ROOT, output)} is left as it was`)
    await rm(output, { recursive: true, force: true })
    await rename(partial, output)
  }
  finally {
    await rm(partial, { recursive: true, force: true })
  }
}

/** @param {string} tool @param {string[]} args */
function poppler(tool, args) {
  const res = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (res.error || res.status !== 0)
    throw new Error(`${tool} ${args.join(' ')} failed: ${res.error?.message ?? res.stderr.trim()}`)
  return res.stdout
}

/** @param {string} pdf */
export const pdfPages = pdf => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [pdf]))?.[1])

/** Text of each page, in page order (pdftotext ends each page with a form feed). @param {string} pdf */
export const pdfPageTexts = pdf => poppler('pdftotext', ['-enc', 'UTF-8', pdf, '-']).split('\f').slice(0, pdfPages(pdf))

/** pdffonts rows: name and whether it is embedded. @param {string} pdf */
export const pdfFonts = pdf => poppler('pdffonts', [pdf]).trim().split('\n').slice(2).map((line) => {
  const cols = line.trim().split(/\s+/)
  return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes' }
})

/**
 * What is wrong with a PDF that should have `expected` pages (any number when undefined), each
 * with text: '' when nothing is, or (said on the console) when poppler is not installed to read it.
 * @param {string} pdf @param {number} [expected]
 */
export function pdfProblems(pdf, expected) {
  if (spawnSync('pdfinfo', ['-v']).error) {
    console.warn('The PDF is not read back (page count, text on every page): poppler\'s pdfinfo is not installed (Debian/Ubuntu: apt-get install poppler-utils).')
    return ''
  }
  const texts = pdfPageTexts(pdf)
  const blank = texts.flatMap((t, i) => (t.trim() ? [] : [i + 1]))
  return [
    texts.length && texts.length === (expected ?? texts.length) ? '' : `${texts.length} pages instead of ${expected ?? 'at least 1'}`,
    blank.length ? `page(s) ${blank.join(', ')} with no text` : '',
  ].filter(Boolean).join('; ')
}
