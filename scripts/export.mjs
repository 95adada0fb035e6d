#!/usr/bin/env node
// `npm run export [-- flags]`: the deck as a PDF in exports/, printed by the system Chromium from
// Slidev's own print view. Flags: --range 3-5, --dark, --with-clicks, --format png (one PNG per
// slide at twice the slide size, into a folder), --notes (the speaker notes), --output path,
// --entry slides.md, --timeout ms. The new export replaces the previous one only after its checks
// pass (a page per slide asked for, text on every page, every chart drawn, no page error).
import { mkdir } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { command, ensureFolder, EXPORTS, Fail, flags, openPrint, pdfProblems, replaceChecked, ROOT, withDeck } from './lib.mjs'

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
  const clash = opts.notes && ['--format png', '--range', '--with-clicks'].find((f, i) => [png, opts.range, opts['with-clicks']][i])
  if (clash)
    throw new Fail(`--notes prints every slide's notes as one PDF: leave out ${clash}`)
  const timeout = Number(opts.timeout)
  if (!(timeout > 0))
    throw new Fail(`--timeout must be milliseconds, not "${opts.timeout}"`)
  ensureFolder(opts.output ? dirname(resolve(ROOT, opts.output)) : EXPORTS)
  await withDeck(opts.entry, async (deck, browser) => {
    const given = resolve(ROOT, opts.output ?? join(EXPORTS, `${deck.name}${opts.range ? `-${opts.range.replace(/,/g, '_')}` : ''}${opts.dark ? '-dark' : ''}${opts.notes ? '-notes' : ''}${png ? '-png' : ''}`))
    const output = png || given.endsWith('.pdf') ? given : `${given}.pdf`
    if (png)
      ensureFolder(output)
    const print = await openPrint(browser, deck, { dark: opts.dark, range: opts.range, withClicks: opts['with-clicks'], notes: opts.notes, timeout })
    await replaceChecked(output, async (partial) => {
      if (!png)
        return print.page.pdf({ path: partial, printBackground: true, preferCSSPageSize: true, ...(opts.notes ? {} : { width: deck.width, height: deck.height }) })
      await mkdir(partial)
      for (const { id, no } of print.pages)
        await print.page.locator(`[id="${id}"]`).screenshot({ path: join(partial, `${opts['with-clicks'] ? id : no}.png`) })
    }, partial => (png ? '' : pdfProblems(partial, opts.notes ? undefined : print.pages.length)))
    console.log(`export: ${relative(ROOT, output)} (${opts.notes ? 'speaker notes' : `${print.pages.length} ${png ? 'PNGs' : 'pages'}`}${opts.dark ? ', dark' : ''})`)
  })
})
