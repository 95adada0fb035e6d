// The optional chart fields of snippets/series.ts: rounding of on-chart labels, the change a
// chart marks, and the figures published after the article. A mistake in them names the series
// and the field, like every other data error.
import { describe, expect, it } from 'vitest'
import { formatChange, formatLabel, roundHalfAway, series, seriesSchema } from '../../snippets/series'
import type { Series } from '../../snippets/series'
import { validate } from '../../snippets/schema'

const FILE = 'snippets/series.ts'

function withEdit(edit: (hf: Series, poll: Series) => void): { series: Record<string, unknown> } {
  const copy: Record<string, Series> = structuredClone({ ...series })
  edit(copy['hf-imports']!, copy['poll-impressions']!)
  return { series: copy }
}

describe('chart labels', () => {
  it('round as the series asks, half away from zero, and leave the table\'s figure alone', () => {
    expect(formatLabel('usd-millions', 66.86, 'verified', 0)).toBe('$67m')
    expect(formatLabel('usd-millions', 9.38, 'verified', 0)).toBe('$9m')
    expect(formatLabel('usd-millions', 9.38, 'verified')).toBe('$9.38m')
    expect(formatLabel('percent', 49.9, 'estimate', 0)).toBe('50% (est.)')
    expect(roundHalfAway(-65.5, 0)).toBe(-66)
    expect(roundHalfAway(65.5, 0)).toBe(66)
    expect(roundHalfAway(2.25, 1)).toBe(2.3)
  })

  it('write a change in whole per cent with a true minus sign', () => {
    expect(formatChange(66.86, 9.38)).toBe('−86%')
    expect(formatChange(5.67, 6.8)).toBe('+20%')
  })

  it('are set for the charts on the slides: hydrogen fluoride rounded with its fall marked, the poll\'s last wave set apart', () => {
    expect(series['hf-imports'].labelDigits).toBe(0)
    expect(series['hf-imports'].change).toEqual({ from: '2018', to: '2020' })
    expect(series['poll-impressions'].afterArticle).toBe('2023')
  })
})

describe('a mistake in the chart fields', () => {
  it('names the series and the field', () => {
    expect(() => validate(FILE, seriesSchema, withEdit((hf) => { hf.change = { from: '2017', to: '2020' } })))
      .toThrow(/hf-imports.*change.*from.*2017.*is not one of the series' labels/s)
    expect(() => validate(FILE, seriesSchema, withEdit((_, poll) => { poll.afterArticle = '2024' })))
      .toThrow(/poll-impressions.*afterArticle.*2024.*is not one of the series' labels/s)
    expect(() => validate(FILE, seriesSchema, withEdit((hf) => { hf.labelDigits = 1.5 })))
      .toThrow(/hf-imports.*labelDigits/s)
    expect(() => validate(FILE, seriesSchema, withEdit((hf) => { hf.datasets[0]!.values[0] = 0 })))
      .toThrow(/hf-imports.*change.*from.*must have a non-zero value/s)
  })
})
