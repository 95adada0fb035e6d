import { describe, expect, it } from 'vitest'
import { formatPoint, SERIES_IDS, series, seriesSchema } from '../../snippets/series'
import type { Series, SeriesId } from '../../snippets/series'
import { validate } from '../../snippets/schema'

const FILE = 'snippets/series.ts'

function withChange(id: SeriesId, change: (copy: Series) => void): { series: Record<string, unknown> } {
  const copy: Record<string, Series> = structuredClone({ ...series })
  change(copy[id]!)
  return { series: copy }
}

describe('the real series', () => {
  it('include every series the slides can ask for', () => {
    expect(Object.keys(series).sort()).toEqual([...SERIES_IDS].sort())
  })

  it('carry the ✅ figures of facts.md', () => {
    expect(series['boycott-months'].datasets[0]?.values).toEqual([-48, -58.1, -65.5, -65.1])
    expect(series['hf-imports'].datasets[0]?.values).toEqual([66.86, 36.34, 9.38])
    expect(series['beer-imports'].datasets[0]?.values).toEqual([78.3, 39.76, 5.67, 6.8])
    expect(series['leader-meetings'].datasets[0]?.values.at(-1)).toBe(7)
  })

  it('use only verified figures, except the poll\'s flagged estimates', () => {
    for (const s of Object.values(series)) {
      const statuses = s.datasets.flatMap(d => d.status)
      if (s.id !== 'poll-impressions')
        expect(statuses.filter(st => st === 'estimate'), s.id).toEqual([])
    }
    expect(series['poll-impressions'].caveat).toMatch(/estimates/)
  })

  it('write estimates and gaps so that nobody mistakes them for verified figures', () => {
    expect(formatPoint('percent', 61, 'estimate')).toBe('61% (est.)')
    expect(formatPoint('percent-change', -65.1, 'verified')).toBe('−65.1%')
    expect(formatPoint('usd-millions', 9.38, 'verified')).toBe('$9.38m')
    expect(formatPoint('meetings', null, 'missing')).toBe('no verified figure')
  })
})

describe('a malformed series fails with the file, the record and the field named', () => {
  it.each([
    ['fewer values than labels', 'hf-imports', (s: Series) => { s.datasets[0]!.values.pop() },
      `${FILE}: series["hf-imports"] → datasets[0].values: [66.86,36.34] has 2 values for 3 labels`],
    ['a status per value missing', 'beer-imports', (s: Series) => { s.datasets[0]!.status.pop() },
      'series["beer-imports"] → datasets[0].status: ["verified","verified","verified"] has 3 entries for 4 values'],
    ['a share above 100', 'chemicals-dependence', (s: Series) => { s.datasets[0]!.values[1] = 193.1 },
      'series["chemicals-dependence"] → datasets[0].values[1]: 193.1 is not a share: must be from 0 to 100'],
    ['a negative share', 'poll-impressions', (s: Series) => { s.datasets[1]!.values[0] = -3 },
      'series["poll-impressions"] → datasets[1].values[0]: -3 is not a share'],
    ['an unknown source on a point', 'hf-imports', (s: Series) => { s.datasets[0]!.sources[2] = ['S540'] },
      'series["hf-imports"] → datasets[0].sources[2][0]: "S540" is not a source id'],
    ['an unknown source on the series', 'hf-imports', (s: Series) => { s.sources = ['S54', 'S555'] },
      'series["hf-imports"] → sources[1]: "S555" is not a source id'],
    ['a point source missing from the source line', 'hf-imports', (s: Series) => { s.sources = ['S54'] },
      'series["hf-imports"] → datasets[0].sources[0]: ["S54","S55"] cites S55, which is missing from the series\' sources'],
    ['a verified value with no source', 'beer-imports', (s: Series) => { s.datasets[0]!.sources[1] = [] },
      'series["beer-imports"] → datasets[0].sources[1]: [] must cite at least one source for a verified value'],
    ['a gap marked verified', 'leader-meetings', (s: Series) => { s.datasets[0]!.status[5] = 'verified' },
      'series["leader-meetings"] → datasets[0].status[5]: "verified" must be "missing" for a null value'],
    ['an empty finding', 'boycott-months', (s: Series) => { s.finding = '' },
      'series["boycott-months"] → finding: "" must not be empty'],
    ['an unknown chart kind', 'boycott-months', (s: Series) => { (s as { kind: string }).kind = 'pie' },
      'series["boycott-months"] → kind: "pie" must be one of "bar", "line"'],
    ['a mark on a label the series does not have', 'poll-impressions', (s: Series) => { s.marks = ['2019', '2024'] },
      'series["poll-impressions"] → marks[1]: "2024" is not one of the series\' labels'],
    ['a negative sum of money', 'hf-imports', (s: Series) => { s.datasets[0]!.values[2] = -9.38 },
      'series["hf-imports"] → datasets[0].values[2]: -9.38 is negative: US$ millions cannot be below 0'],
    ['a negative count', 'leader-meetings', (s: Series) => { s.datasets[0]!.values[0] = -2 },
      'series["leader-meetings"] → datasets[0].values[0]: -2 is negative: meetings cannot be below 0'],
    ['a value that is not a number', 'beer-imports', (s: Series) => { s.datasets[0]!.values[1] = Number.NaN },
      'series["beer-imports"] → datasets[0].values[1]: NaN must be a number'],
    ['an id that is not its key', 'beer-imports', (s: Series) => { s.id = 'hf-imports' },
      'series["beer-imports"] "hf-imports" → id: "hf-imports" must equal its key "beer-imports"'],
  ] as const)('%s', (_name, id, change, message) => {
    expect(() => validate(FILE, seriesSchema, withChange(id, change))).toThrow(message)
  })

  it('a series missing from the file', () => {
    const copy: Record<string, Series> = structuredClone({ ...series })
    delete copy['beer-imports']
    expect(() => validate(FILE, seriesSchema, { series: copy })).toThrow(`${FILE}: series["beer-imports"] must be an object`)
  })
})
