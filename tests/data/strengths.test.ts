import { describe, expect, it } from 'vitest'
import { formatShare, strengths, strengthsSchema } from '../../snippets/strengths'
import type { Strength } from '../../snippets/strengths'
import { validate } from '../../snippets/schema'

const FILE = 'snippets/strengths.ts'

function withChange(change: (copy: Strength[]) => void): { strengths: Strength[] } {
  const copy = structuredClone([...strengths])
  change(copy)
  return { strengths: copy }
}

describe('the real strengths', () => {
  it('cover the four domains the talk names', () => {
    const ids = strengths.map(s => s.id)
    for (const id of ['dram', 'chip-materials', 'ev-batteries', 'rare-earth-processing', 'chip-sales', 'chip-manufacturing'])
      expect(ids).toContain(id)
  })

  it('carry the figures of facts.md, rounded ones marked "about"', () => {
    const dram = strengths.find(s => s.id === 'dram')!
    expect(formatShare(dram)).toBe('72.8%')
    expect(formatShare(strengths.find(s => s.id === 'chip-materials')!)).toBe('about 50%')
  })
})

describe('a malformed strength fails with the file, the record and the field named', () => {
  it.each([
    ['a share above 100', (c: Strength[]) => { c[0]!.value = 172.8 }, `${FILE}: strengths[0] "dram" → value: 172.8 is not a share: must be from 0 to 100`],
    ['an unknown source', (c: Strength[]) => { c[0]!.sources = ['S580'] }, 'strengths[0] "dram" → sources[0]: "S580" is not a source id'],
    ['a bad status', (c: Strength[]) => { (c[1] as { status: string }).status = 'rumour' }, 'strengths[1] "ev-batteries" → status: "rumour" must be one of "verified", "estimate"'],
    ['a duplicate id', (c: Strength[]) => { c[2]!.id = 'dram' }, 'strengths[2] "dram" → id: "dram" is used by an earlier record too'],
  ])('%s', (_name, change, message) => {
    expect(() => validate(FILE, strengthsSchema, withChange(change))).toThrow(message)
  })
})
