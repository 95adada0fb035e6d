#!/usr/bin/env node
// `npm run export [-- flags]`: the deck as a PDF in exports/, printed by the system Chromium from
// Slidev's own print view. Flags: --range 3-5, --dark, --with-clicks, --format png (one PNG per
// slide at twice the slide size, into a folder), --notes (the speaker notes), --output path,
// --entry slides.md, --timeout ms. The export is written beside its target and replaces the
// previous one only after its checks pass (one page per slide asked for, text on every page,
// every chart drawn), so a failed export leaves the last good one as it was.
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { command, ensureFolder, Fail, flags, findChromium, launchChromium, openPrint, pdfProblems, ROOT, startDeck } from './lib.mjs'

command('export', async () => {
  const opts = flags({
    'output': { type: 'string' },
    'format': { type: 'string', default: 'pdf' },
    'range': { type: 'string' },
    'dark': { type: 'boolean', default: false },
    'with-clicks': { type: 'boolean', default: false },
    'notes': { type: 'boolean', default: false },
    'entry': { type: 'string', default: 'slides.md' },
    'timeout': { type: 'string', default: '180000' },
  })
  const png = opts.format === 'png'
  if (!png && opts.format !== 'pdf')
    throw new Fail(`--format must be pdf or png, not "${opts.format}"`)
  ensureFolder(opts.output ? dirname(resolve(ROOT, opts.output)) : join(ROOT, 'exports'))
  findChromium()
  const deck = await startDeck(opts.entry)
  const suffix = `${opts.dark ? '-dark' : ''}${opts.notes ? '-notes' : ''}${png ? '-png' : ''}`
  const given = resolve(ROOT, opts.output ?? join('exports', `${deck.name}${suffix}`))
  const output = png || given.endsWith('.pdf') ? given : `${given}.pdf`
  const partial = join(dirname(output), `.${basename(output)}.partial`)
  const browser = await launchChromium().catch(async (e) => {
    await deck.close()
    throw e
  })
  try {
    if (png)
      ensureFolder(output)
    const print = await openPrint(browser, deck, { dark: opts.dark, range: opts.range, withClicks: opts['with-clicks'], notes: opts.notes, timeout: Number(opts.timeout) })
    await rm(partial, { recursive: true, force: true })
    if (png) {
      await mkdir(partial)
      for (const { id, no } of print.pages)
        await print.page.locator(`[id="${id}"]`).screenshot({ path: join(partial, `${opts['with-clicks'] ? id : no}.png`) })
    }
    else {
      await print.page.pdf({ path: partial, printBackground: true, preferCSSPageSize: true, ...(opts.notes ? {} : { width: deck.width, height: deck.height }) })
      const problems = pdfProblems(partial, opts.notes ? undefined : print.pages.length)
      if (problems)
        throw new Fail(`the new PDF has ${problems}; ${relative(ROOT, output)} is left as it was`)
    }
    await rm(output, { recursive: true, force: true })
    await rename(partial, output)
    const count = opts.notes ? 'speaker notes' : `${print.pages.length} ${png ? 'PNGs' : 'pages'}`
    console.log(`export: ${relative(ROOT, output)} (${count}${opts.dark ? ', dark' : ''})`)
  }
  finally {
    await rm(partial, { recursive: true, force: true })
    await browser.close()
    await deck.close()
  }
})
