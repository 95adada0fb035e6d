// The deck check on the real deck and on copies of it broken the way a maintainer breaks a deck:
// each mistake is an error naming the file, the slide (number and title) and the bad value.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDeckFile, knownComponents } from '../../plugins/deck-check'
import type { DeckData } from '../../plugins/deck-check'
import * as data from '../../snippets/index'
import { ROOT } from '../../scripts/lib.mjs'
import { SLIDES_MD } from '../support/deck'

const source = readFileSync(SLIDES_MD, 'utf8')
const scratch = mkdtempSync(join(tmpdir(), 'deck-check-'))

let copies = 0
/** A copy of slides.md with a mistake; `edit` must change it, so an edit of the deck cannot make a case pass vacuously. */
function broken(edit: (md: string) => string): string {
  const text = edit(source)
  expect(text, 'the mistake no longer applies to slides.md').not.toBe(source)
  const file = join(scratch, `broken-${++copies}.md`)
  writeFileSync(file, text)
  return file
}
const replace = (find: RegExp, by: string) => (md: string) => md.replace(find, by)
async function errors(entry: string, withData: DeckData = data): Promise<string[]> {
  return (await checkDeckFile(ROOT, entry, withData)).filter(p => p.severity === 'error').map(p => p.message.replace(/^[^:]+\.md: /, ''))
}

describe('the deck check', () => {
  it('finds no error in the real deck', async () => {
    expect(await errors(SLIDES_MD)).toEqual([])
  })

  it('knows Slidev\'s built-in components where Slidev keeps them, and the deck\'s own', () => {
    const names = knownComponents(ROOT)
    for (const builtin of ['Arrow', 'Transform', 'Toc', 'VClick', 'VClicks', 'SlideCurrentNo', 'Transition'])
      expect(names, builtin).toContain(builtin)
    for (const own of ['EvidenceChart', 'CrisisTimeline', 'SourceCite', 'AllianceTriangle'])
      expect(names, own).toContain(own)
  })

  it('stops on a typo in a component tag', async () => {
    expect(await errors(broken(replace(/<EvidenceChart /, '<EvidenceCharts ')))).toEqual([
      expect.stringMatching(/^slide \d+ \(".+"\) uses <EvidenceCharts>, which is not a component/),
    ])
  })

  it('stops on a citation the registry does not hold', async () => {
    expect(await errors(broken(replace(/<SourceCite ids="S\d+"/, '<SourceCite ids="S999"')))).toEqual([
      expect.stringMatching(/^slide \d+ \(".+"\): <SourceCite> ids names source "S999", which the data does not hold$/),
    ])
  })

  it('stops on a timeline step that names no event', async () => {
    expect(await errors(broken(replace(/:steps="\[\['[a-z0-9-]+'\]/, ':steps="[[\'no-such-event\']')))).toEqual([
      expect.stringMatching(/^slide \d+ \(".+"\): <CrisisTimeline> steps names event "no-such-event"/),
    ])
  })

  it('stops when a timeline\'s clicks are cut and a [click] marker with them', async () => {
    // The first timeline slide: one click fewer in its frontmatter, one [click] fewer in its notes.
    const entry = broken((md) => {
      const at = md.indexOf('<CrisisTimeline :clicks="$clicks"')
      const fm = [...md.slice(0, at).matchAll(/\nclicks: (\d+)\n/g)].at(-1)
      const marker = md.indexOf('[click] ', at)
      if (at < 0 || !fm || marker < 0)
        return md
      const end = fm.index + fm[0].length
      return `${md.slice(0, fm.index)}\nclicks: ${Number(fm[1]) - 1}\n${md.slice(end, marker)}${md.slice(marker + '[click] '.length)}`
    })
    expect(await errors(entry)).toEqual([expect.stringMatching(/^slide \d+ \(".+"\) steps through (\d+) click\(s\) in its components but sets clicks: \d+$/)])
  })

  it('stops on an unknown act and on a frontmatter YAML error, naming the slide', async () => {
    expect(await errors(broken(replace(/\nact: summit\n/, '\nact: sumit\n')))).toEqual([expect.stringMatching(/^slide \d+ \(".+"\) has act "sumit", not one of /)])
    const yaml = await errors(broken(replace(/\nact: summit\n/, '\ntitle: "unclosed\nact: summit\n')))
    expect(yaml.some(m => /^slide \d+ \(.+\) has a frontmatter YAML error: Missing closing "quote/.test(m)), yaml.join('\n')).toBe(true)
  })

  it('stops when the headmatter lacks what the cover shows, or has no real date', async () => {
    expect(await errors(broken(replace(/^speaker: .*\n/m, '')))).toEqual(['the headmatter has no speaker: the cover shows it'])
    expect(await errors(broken(replace(/^date: .*$/m, 'date: 2025-02-30')))).toEqual(['the headmatter date "2025-02-30" is not a real calendar date (YYYY-MM-DD)'])
  })

  it('stops on a timeline event dated after the talk', async () => {
    const entry = broken(replace(/^date: .*$/m, 'date: 2026-12-10'))
    const late = { ...data, events: data.events.map((e, i) => (i === 3 ? { ...e, date: '2031-01-01' } : e)) }
    expect(await errors(entry, late)).toEqual([
      `snippets/timeline.ts: events[3] "${data.events[3]!.title}" → date: "2031-01-01" is after the talk's date (2026-12-10, ${relative(ROOT, entry)} headmatter)`,
    ])
  })
})
