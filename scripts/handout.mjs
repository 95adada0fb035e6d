#!/usr/bin/env node
// `npm run export:handout [-- --paper letter] [--output file.pdf] [--images dir] [--png-dir dir]`
//
// The speaker's handout: one portrait page per slide (the slide as the PDF export prints it, its
// title and speaker notes below as real text), then the full sources appendix from
// snippets/sources.ts. The slide images are kept in --png-dir (.cache/handout/png); --images
// reuses those of an earlier run. Written like the exports: replaced only once it checks out.
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import MarkdownIt from 'markdown-it'
import { runnerImport } from 'vite'
import { command, ensureFolder, EXPORTS, Fail, flags, openPrint, pdfProblems, replaceChecked, ROOT, withDeck } from './lib.mjs'

/**
 * Paper size: the one place to switch between A4 and US Letter (or pass `--paper letter`).
 * @type {'A4' | 'Letter'}
 */
const PAPER = 'A4'
const PAPER_MM = /** @type {const} */ ({ A4: [210, 297], Letter: [215.9, 279.4] })
const MARGIN_MM = 14

/** @param {string} s */
const escapeHtml = s => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
/** @typedef {{ publisher: string, via?: string, title?: string, date?: string, url: string }} SourceDocument */
/** @typedef {SourceDocument & { id: string, short: string, also?: SourceDocument[] }} Source */
/** @param {SourceDocument} d */
const docHtml = d => [
  escapeHtml(d.via ? `${d.publisher}, via ${d.via}` : d.publisher),
  d.title ? `“${escapeHtml(d.title)}”` : '',
  d.date ? escapeHtml(d.date) : '',
  `<span class="url">${escapeHtml(d.url)}</span>`,
].filter(Boolean).join('. ')
const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
/** Slidev's `[click]` markers only pace highlighting in the presenter view. @param {string} note */
const noteHtml = note => note ? md.render(note.replace(/\[click(?::\d+)?\]\s*/g, '')) : '<p class="none">No speaker notes for this slide.</p>'

command('export:handout', async () => {
  const args = flags({
    'paper': { type: 'string', default: PAPER },
    'output': { type: 'string' },
    'images': { type: 'string' },
    'png-dir': { type: 'string', default: '.cache/handout/png' },
  })
  const paper = ({ a4: 'A4', letter: 'Letter' })[args.paper.toLowerCase()]
  if (paper !== 'A4' && paper !== 'Letter')
    throw new Fail(`--paper must be a4 or letter, not "${args.paper}"`)
  const output = resolve(ROOT, args.output ?? join(EXPORTS, 'washingtons-court-handout.pdf'))
  ensureFolder(dirname(output))
  // The appendix comes from the registry the slides cite, loaded through Vite as the deck loads it.
  const { sources } = /** @type {{ sources: readonly Source[] }} */ ((await runnerImport(join(ROOT, 'snippets', 'sources.ts'), { configFile: false, logLevel: 'error' })).module)
  await withDeck('slides.md', async (deck, browser) => {
    // Slide images, as the PDF export prints them (charts drawn, every click shown), and the
    // heading each shows: a slide built only from components titles its page with that.
    const pngDir = resolve(ROOT, args.images ?? args['png-dir'])
    if (!args.images) {
      const print = await openPrint(browser, deck)
      await rm(pngDir, { recursive: true, force: true })
      await mkdir(pngDir, { recursive: true })
      /** @type {Record<number, string>} */
      const shown = {}
      for (const { id, no } of print.pages) {
        const slide = print.page.locator(`[id="${id}"]`)
        await slide.screenshot({ path: join(pngDir, `${no}.png`) })
        // The heading, else a chart's caption, else the kicker (the recap has only that).
        const [heading] = [...await slide.locator('h1, h2, h3, figcaption').allTextContents(), ...await slide.locator('.wc-kicker').allTextContents()]
        shown[no] = heading?.replace(/\s+/g, ' ').trim() ?? ''
      }
      await writeFile(join(pngDir, 'titles.json'), JSON.stringify(shown, null, 2))
      await print.close()
    }
    const shown = /** @type {Record<string, string>} */ (JSON.parse(await readFile(join(pngDir, 'titles.json'), 'utf8').catch(() => '{}')))
    const numbers = (existsSync(pngDir) ? await readdir(pngDir) : []).flatMap(f => /^(\d+)\.png$/.exec(f)?.[1] ?? []).map(Number)
    const missing = deck.slides.map((_, i) => i + 1).filter(no => !numbers.includes(no))
    if (missing.length)
      throw new Fail(`no slide image for slide(s) ${missing.join(', ')} in ${relative(ROOT, pngDir)}`)
    const slides = await Promise.all(deck.slides.map(async (s, i) => ({
      no: i + 1,
      // Slidev's title is the heading's markdown: inline HTML (a no-break span) is not text.
      title: (s.title || shown[i + 1] || `Slide ${i + 1}`).replace(/<[^>]+>/g, ''),
      note: (s.note ?? '').trim(),
      image: (await readFile(join(pngDir, `${i + 1}.png`))).toString('base64'),
    })))

    const [pageW, pageH] = PAPER_MM[paper]
    const fonts = ['inter/latin-400', 'inter/latin-600', 'source-serif-4/latin-600', 'noto-sans-kr/400']
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The Ball Is in Washington's Court: speaker handout</title>
${fonts.map(f => `<link rel="stylesheet" href="/@fs${join(ROOT, 'node_modules', '@fontsource', f)}.css">`).join('\n')}
<link rel="stylesheet" href="/@fs${join(ROOT, 'styles', 'handout.css')}">
<style>
  @page { size: ${paper} portrait; margin: ${MARGIN_MM}mm; }
  .page { height: ${pageH - 2 * MARGIN_MM - 1}mm; }
</style>
</head>
<body>
${slides.map(s => `<section class="page">
  <img src="data:image/png;base64,${s.image}" alt="Slide ${s.no}: ${escapeHtml(s.title)}">
  <h2>${s.no}. ${escapeHtml(s.title)}</h2>
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

    // Printed from the deck's own server, which serves the fonts from node_modules; nothing else loads.
    const page = await browser.newPage()
    const url = `${deck.url}handout.html`
    await page.route(url, route => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }))
    await page.goto(url, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    // A long note shrinks its type until it fits its page, so every slide stays one page.
    const shrunk = await page.evaluate(() => [...document.querySelectorAll('.notes')].filter((notes) => {
      const el = /** @type {HTMLElement} */ (notes)
      for (let size = 10.5; el.scrollHeight > el.clientHeight && size > 6.5; size -= 0.25)
        el.style.fontSize = `${size - 0.25}pt`
      return el.style.fontSize !== ''
    }).length)
    await replaceChecked(output, partial => page.pdf({ path: partial, preferCSSPageSize: true, printBackground: true, width: `${pageW}mm`, height: `${pageH}mm` }), pdfProblems)
    console.log(`export:handout: ${relative(ROOT, output)} (${paper}, ${slides.length} slide pages + sources appendix${shrunk ? `; ${shrunk} long note(s) set smaller to fit` : ''})`)
  })
})
