import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SOURCE_IDS, sourceById, sources, sourcesSchema } from '../../snippets/sources'
import type { Source } from '../../snippets/sources'
import { validate } from '../../snippets/schema'

const FILE = 'snippets/sources.ts'
// The team's fact sheet sits beside the repo in this workspace; the registry must reproduce it.
const FACTS = new URL('../../../shared/brief/facts.md', import.meta.url)

function withChange(change: (copy: Source[]) => void): { sources: Source[] } {
  const copy = structuredClone([...sources])
  change(copy)
  return { sources: copy }
}

describe('the real source registry', () => {
  it('holds S0 to S68, in order, each once', () => {
    expect(sources.map(s => s.id)).toEqual(Array.from({ length: 69 }, (_, i) => `S${i}`))
    expect(SOURCE_IDS.size).toBe(69)
  })

  it('resolves an id to its entry and refuses an unknown one by name', () => {
    expect(sourceById('S12').short).toBe('Yonhap, Aug 2019')
    expect(sourceById('S0').title).toBe('After the Japan-South Korea Summit, the Ball Is in Washington\'s Court')
    expect(() => sourceById('S99')).toThrow('no source with id "S99"')
  })

  it.runIf(existsSync(FACTS))('reproduces every URL of facts.md\'s Sources list, under the right id', () => {
    const list = readFileSync(FACTS, 'utf8').split('## Sources')[1] ?? ''
    const fromFacts = new Map<string, string[]>()
    for (const line of list.split('\n')) {
      const m = /^- (S\d+) (.*)$/.exec(line)
      if (m)
        fromFacts.set(m[1]!, [...m[2]!.matchAll(/https?:\/\/[^\s)]+/g)].map(u => u[0]))
    }
    expect(fromFacts.size).toBe(69)
    for (const s of sources)
      expect([s.url, ...(s.also ?? []).map(d => d.url)], s.id).toEqual(fromFacts.get(s.id))
  })

  it('names the copy a source was read through in `via`, never inside the publisher', () => {
    const docs = sources.flatMap(s => [s, ...(s.also ?? [])])
    expect(docs.filter(d => /\bvia\b/i.test(d.publisher)).map(d => d.publisher)).toEqual([])
    expect(sourceById('S9')).toMatchObject({ publisher: 'Yomiuri', via: 'FAN' })
    expect(sourceById('S13').also?.[0]).toMatchObject({ publisher: 'VOA', via: 'a forum copy' })
  })

  it.runIf(existsSync(FACTS))('says "via" wherever facts.md reads a source through a copy', () => {
    const list = readFileSync(FACTS, 'utf8').split('## Sources')[1] ?? ''
    const viaInFacts = list.split('\n').flatMap(line => /^- (S\d+) .*\bvia\b/.exec(line)?.[1] ?? [])
    expect(viaInFacts.length).toBeGreaterThan(10)
    const withVia = sources.filter(s => s.via !== undefined || (s.also ?? []).some(d => d.via !== undefined)).map(s => s.id)
    expect(viaInFacts.filter(id => !withVia.includes(id))).toEqual([])
  })

  it('gives S0 the article\'s public address, not the site\'s editing host', () => {
    expect(new URL(sourceById('S0').url).hostname).toBe('thediplomat.com')
  })
})

describe('a malformed registry fails with the file, the record and the field named', () => {
  it.each([
    ['an impossible date', (c: Source[]) => { c[12]!.date = '2019-02-30' }, `${FILE}: sources[12] "S12" → date: "2019-02-30" is not a real calendar date`],
    ['a bad URL', (c: Source[]) => { c[3]!.url = 'en.yna.co.kr/view' }, `${FILE}: sources[3] "Court says Seoul's inaction over former 'comfort women' unconstitutional" → url: "en.yna.co.kr/view" is not an http(s) URL`],
    ['a malformed id', (c: Source[]) => { c[4]!.id = 'Reuters' }, `sources[4] "Japan recalls ambassador" → id: "Reuters" is not a source id like "S12"`],
    ['a duplicate id', (c: Source[]) => { c[5]!.id = 'S4' }, `sources[5] "Japan-ROK Summit Meeting (Summary), 18 Dec 2011" → id: "S4" is used by an earlier record too`],
    ['a duplicate short form', (c: Source[]) => { c[25]!.short = 'Yonhap, Aug 2019' }, `sources[25] "S25" → short: "Yonhap, Aug 2019" is the short form of an earlier source too`],
    ['an empty publisher', (c: Source[]) => { c[8]!.publisher = '' }, `sources[8] "S8" → publisher: "" must not be empty`],
    ['a bad URL in a bundled document', (c: Source[]) => { c[8]!.also![0]!.url = 'kbs' }, `sources[8] "S8" → also[0].url: "kbs" is not an http(s) URL`],
    ['an empty via', (c: Source[]) => { c[9]!.via = '' }, `sources[9] "Japan invokes export controls against S. Korea" → via: "" must not be empty`],
  ])('%s', (_name, change, message) => {
    expect(() => validate(FILE, sourcesSchema, withChange(change))).toThrow(message)
  })
})
