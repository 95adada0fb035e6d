#!/usr/bin/env node
// `npm run export:handout [-- --paper letter] [--output file.pdf] [--dist built-deck] [--images dir]`
//
// The speaker's handout: one portrait page per slide (the slide as Slidev exports it on top,
// its title and speaker notes below as real text), then the full sources appendix. Built from
// the project's own parts: Slidev's PNG export, Slidev's parser for the notes, the source
// registry in snippets/sources.ts, and Chromium's print to PDF (playwright-core, system browser).
// Everything is served to the page from disk; any other request is refused, so it runs offline.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, extname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { load } from '@slidev/parser/fs'
import MarkdownIt from 'markdown-it'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from './find-chromium.mjs'

/**
 * Paper size: the one place to switch between A4 and US Letter (or pass `--paper letter`).
 * @type {'A4' | 'Letter'}
 */
export const PAPER = 'A4'

const PAPER_MM = /** @type {const} */ ({ A4: [210, 297], Letter: [215.9, 279.4] })
const MARGIN_MM = 14
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ORIGIN = 'http://handout.local'
const DECK = 'http://deck.local'
const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
})

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`export:handout: ${message}`)
  process.exit(1)
}

/** @param {string} s */
const escapeHtml = s => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

const { values: args } = parseArgs({
  options: {
    'paper': { type: 'string', default: PAPER },
    'output': { type: 'string', default: 'exports/washingtons-court-handout.pdf' },
    'images': { type: 'string' },
    'png-dir': { type: 'string', default: '.cache/handout/png' },
    'dist': { type: 'string' },
  },
})
const paperArg = (args.paper ?? PAPER).toLowerCase()
/** @type {'A4' | 'Letter'} */
const paper = paperArg === 'letter' ? 'Letter' : paperArg === 'a4' ? 'A4' : fail(`--paper must be a4 or letter, not "${args.paper}"`)
const output = resolve(root, args.output ?? '')

// 1. The sources appendix comes from the registry the slides cite. It is TypeScript, so load it
//    through Vite's module runner, as the deck itself does.
const sourcesFile = join(root, 'snippets', 'sources.ts')
if (!existsSync(sourcesFile))
  fail('snippets/sources.ts is missing. The handout ends with the full sources appendix and takes it from that registry (issue 3).')
const { runnerImport } = await import('vite')
/** @typedef {{ publisher: string, via?: string, title?: string, date?: string, url: string }} SourceDocument */
/** @typedef {SourceDocument & { id: string, short: string, also?: SourceDocument[] }} Source */
const { module: sourcesModule } = /** @type {{ module: { sources?: readonly Source[] } }} */ (
  await runnerImport(sourcesFile, { configFile: false, logLevel: 'error' })
)
const sources = sourcesModule.sources
if (!sources || sources.length === 0)
  fail('snippets/sources.ts exports no `sources`; the appendix would be empty.')

// 2. Titles and notes, parsed by Slidev's own parser (hidden slides are not exported, so skip them).
const deck = await load({ roots: [root], userRoot: root }, join(root, 'slides.md'))
const slides = deck.slides
  .filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
  .map((s, i) => ({ no: i + 1, title: s.title ?? '', note: (s.note ?? '').trim() }))

// 3. Slide images: screenshots of the built deck, taken the way `slidev export` takes them
//    (each slide at /N?print=true, so charts are drawn without animation, once loading is done),
//    or PNGs exported earlier (`--images dir`). The built deck is used rather than the dev
//    server that `slidev export` starts: on a cold, busy machine that server can take longer
//    than Slidev's fixed 30 s wait for the first slide.
const pngDir = args.images ? resolve(root, args.images) : resolve(root, args['png-dir'] ?? '')
if (!args.images) {
  const dist = args.dist ? resolve(root, args.dist) : join(root, '.cache', 'handout', 'dist')
  if (!args.dist) {
    console.log('export:handout: building the deck…')
    const code = await new Promise((done) => {
      const child = spawn('npx', ['slidev', 'build', '--out', relative(root, dist)], { cwd: root, stdio: 'inherit' })
      child.on('exit', c => done(c ?? 1))
    })
    if (code !== 0)
      fail(`slidev build failed (exit ${code}).`)
  }
  if (!existsSync(join(dist, 'index.html')))
    fail(`no built deck in ${relative(root, dist) || dist} (index.html missing).`)
  console.log(`export:handout: taking ${slides.length} slide images…`)
  /** @type {Record<number, string>} */
  const shownTitles = {}
  await rm(pngDir, { recursive: true, force: true })
  await mkdir(pngDir, { recursive: true })
  const executablePath = await findChromium()
  if (!executablePath)
    fail(HOW_TO_GET_ONE)
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
  try {
    // Slidev's own export viewport: the slide canvas (980 x 552) at twice the pixel density.
    const page = await browser.newPage({ viewport: { width: 980, height: 552 }, deviceScaleFactor: 2 })
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin !== DECK)
        return route.abort()
      const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '')
      let file = join(dist, rel)
      if (!rel || !existsSync(file) || !extname(rel))
        file = join(dist, 'index.html') // the deck's SPA fallback, as a static host serves it
      return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) })
    })
    for (const s of slides) {
      await page.goto(`${DECK}/${s.no}?print=true`, { waitUntil: 'networkidle' })
      const slide = page.locator(`[data-slidev-no="${s.no}"]`)
      await slide.waitFor({ state: 'visible', timeout: 60_000 })
      for (const loading of await slide.locator('.slidev-slide-loading').all())
        await loading.waitFor({ state: 'detached', timeout: 60_000 })
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      await page.screenshot({ path: join(pngDir, `${s.no}.png`) })
      // A slide built only from components (a chart, a big number) has no markdown heading;
      // its first rendered heading (the chart's finding) titles its page instead.
      const heading = slide.locator('h1, h2, h3, figcaption').first()
      if (!s.title && await heading.count())
        shownTitles[s.no] = ((await heading.textContent()) ?? '').replace(/\s+/g, ' ').trim()
    }
    await writeFile(join(pngDir, 'titles.json'), JSON.stringify(shownTitles, null, 2))
  }
  finally {
    await browser.close()
  }
}
const titlesFile = join(pngDir, 'titles.json')
const shown = /** @type {Record<string, string>} */ (existsSync(titlesFile) ? JSON.parse(await readFile(titlesFile, 'utf8')) : {})
for (const s of slides)
  s.title ||= shown[String(s.no)] ?? ''
/** @type {Map<number, string>} */
const images = new Map()
for (const f of existsSync(pngDir) ? await readdir(pngDir) : []) {
  const m = /^0*(\d+)\.png$/.exec(f)
  if (m)
    images.set(Number(m[1]), join(pngDir, f))
}
const missing = slides.filter(s => !images.has(s.no)).map(s => s.no)
if (missing.length)
  fail(`no slide image for slide(s) ${missing.join(', ')} in ${relative(root, pngDir) || pngDir}.`)

// 4. The handout as one HTML document, one `.page` per slide, then the appendix.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
/** Slidev's `[click]` markers only pace highlighting in the presenter view. @param {string} note */
const noteHtml = note => note ? md.render(note.replace(/\[click(?::\d+)?\]\s*/g, '')) : '<p class="none">No speaker notes for this slide.</p>'

/** @param {SourceDocument} d */
const docHtml = d => [
  escapeHtml(d.via ? `${d.publisher}, via ${d.via}` : d.publisher),
  d.title ? `“${escapeHtml(d.title)}”` : '',
  d.date ? escapeHtml(d.date) : '',
  `<span class="url">${escapeHtml(d.url)}</span>`,
].filter(Boolean).join('. ')

const [pageW, pageH] = PAPER_MM[paper]
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The Ball Is in Washington's Court: speaker handout</title>
<link rel="stylesheet" href="/fonts/inter/latin-400.css">
<link rel="stylesheet" href="/fonts/inter/latin-600.css">
<link rel="stylesheet" href="/fonts/source-serif-4/latin-600.css">
<link rel="stylesheet" href="/fonts/noto-sans-kr/400.css">
<style>
  @page { size: ${paper} portrait; margin: ${MARGIN_MM}mm; }
  * { box-sizing: border-box; }
  html { font-family: Inter, 'Noto Sans KR', sans-serif; color: #15171b; font-size: 10.5pt; line-height: 1.45; }
  body { margin: 0; }
  h1, h2 { font-family: 'Source Serif 4', 'Noto Sans KR', serif; font-weight: 600; line-height: 1.2; }
  .page { height: ${pageH - 2 * MARGIN_MM - 1}mm; display: flex; flex-direction: column; break-after: page; overflow: hidden; }
  .page img { width: 100%; border: 0.3mm solid #c9ccd1; flex: none; }
  .page h2 { font-size: 15pt; margin: 5mm 0 2mm; }
  .page .meta { font-size: 8.5pt; color: #4b5058; margin: 0 0 3mm; }
  .notes { flex: 1 1 auto; min-height: 0; overflow: hidden; hyphens: none; }
  .notes p { margin: 0 0 2.2mm; }
  .notes .none { color: #4b5058; font-style: italic; }
  .appendix h1 { font-size: 16pt; margin: 0 0 3mm; }
  .appendix ol { list-style: none; padding: 0; margin: 0; font-size: 8.5pt; line-height: 1.35; }
  .appendix li { margin: 0 0 1.6mm; break-inside: avoid; }
  .appendix .id { font-weight: 600; }
  .appendix .url { color: #1d4f91; word-break: break-all; }
</style>
</head>
<body>
${slides.map(s => `<section class="page">
  <img src="/slides/${s.no}.png" alt="Slide ${s.no}: ${escapeHtml(s.title)}">
  <h2>${s.no}. ${escapeHtml(s.title || `Slide ${s.no}`)}</h2>
  <p class="meta">Slide ${s.no} of ${slides.length} · speaker notes</p>
  <div class="notes">${noteHtml(s.note)}</div>
</section>`).join('\n')}
<section class="appendix">
  <h1>Sources</h1>
  <ol>
${sources.map(s => `    <li><span class="id">${escapeHtml(s.id)}</span> (${escapeHtml(s.short)}): ${docHtml(s)}${(s.also ?? []).map(d => `; also ${docHtml(d)}`).join('')}</li>`).join('\n')}
  </ol>
</section>
</body>
</html>`

// 5. Print. Fonts and images are served from disk under a made-up origin; nothing else loads.
const executablePath = await findChromium()
if (!executablePath)
  fail(HOW_TO_GET_ONE)
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
try {
  const page = await browser.newPage()
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== ORIGIN)
      return route.abort()
    /** @type {string | undefined} */
    let file
    if (url.pathname === '/')
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
    if (url.pathname.startsWith('/fonts/'))
      file = join(root, 'node_modules', '@fontsource', decodeURIComponent(url.pathname.slice('/fonts/'.length)))
    else if (url.pathname.startsWith('/slides/'))
      file = images.get(Number(url.pathname.slice('/slides/'.length).replace(/\.png$/, '')))
    if (!file || !existsSync(file))
      return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) })
  })
  await page.goto(`${ORIGIN}/`, { waitUntil: 'load' })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  // A long note shrinks its type until it fits its page, so every slide stays one page.
  const shrunk = await page.evaluate(() => {
    let count = 0
    for (const notes of Array.from(document.querySelectorAll('.notes'))) {
      if (!(notes instanceof HTMLElement))
        continue
      let size = 10.5
      if (notes.scrollHeight > notes.clientHeight)
        count++
      while (notes.scrollHeight > notes.clientHeight && size > 6.5) {
        size -= 0.25
        notes.style.fontSize = `${size}pt`
      }
    }
    return count
  })
  await mkdir(dirname(output), { recursive: true })
  await page.pdf({ path: output, preferCSSPageSize: true, printBackground: true, width: `${pageW}mm`, height: `${pageH}mm` })
  console.log(`export:handout: ${relative(root, output)} (${paper}, ${slides.length} slide pages + sources appendix${shrunk ? `; ${shrunk} long note(s) set smaller to fit` : ''})`)
}
finally {
  await browser.close()
}
