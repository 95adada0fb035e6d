// The deck check is wired into the real pipeline: `slidev build` of a deck with a typo in a
// component tag stops before building, and says which slide and which tag.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, inject, it } from 'vitest'
import { ROOT, run } from '../../scripts/lib.mjs'
import { SLIDES_MD } from '../support/deck'

it('slidev build stops on a broken slide, naming it and the bad tag', async () => {
  // Beside slides.md, so it finds the deck's components, styles and config as slides.md does.
  const entry = join(ROOT, `.deck-check-${process.pid}.md`)
  const source = await readFile(SLIDES_MD, 'utf8')
  expect(source).toContain('<EvidenceChart ')
  await writeFile(entry, source.replace('<EvidenceChart ', '<EvidenceCharts '))
  try {
    const res = await run('npx', ['slidev', 'build', entry, '--out', join(inject('runDir'), 'broken')])
    expect(res.code).not.toBe(0)
    expect(`${res.stdout}\n${res.stderr}`).toMatch(/\.deck-check-\d+\.md: slide \d+ \(".+"\) uses <EvidenceCharts>, which is not a component/)
    // The message is the whole story: no stack trace through the plugin's code.
    expect(res.stderr).not.toMatch(/^\s+at /m)
  }
  finally {
    await rm(entry, { force: true })
  }
})
