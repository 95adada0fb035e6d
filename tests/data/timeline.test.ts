import { describe, expect, it } from 'vitest'
import { events, eventsBetween, formatEventDate, timelineSchema } from '../../snippets/timeline'
import type { TimelineEvent } from '../../snippets/timeline'
import { validate } from '../../snippets/schema'

const FILE = 'snippets/timeline.ts'

/** The real events with one change applied: a malformed fixture that differs in one field. */
function withChange(change: (copy: TimelineEvent[]) => void): { events: TimelineEvent[] } {
  const copy = structuredClone([...events])
  change(copy)
  return { events: copy }
}

function indexOf(id: string): number {
  const i = events.findIndex(e => e.id === id)
  expect(i, id).toBeGreaterThanOrEqual(0)
  return i
}

describe('the real timeline', () => {
  it('runs 2011–2023', () => {
    expect(events[0]?.date.slice(0, 4)).toBe('2011')
    expect(events.at(-1)?.date.slice(0, 4)).toBe('2023')
  })

  it('dates the sanctions to 2019, not 2018 as the article has it', () => {
    const byId = (id: string) => events.find(e => e.id === id)?.date
    expect(byId('export-controls-2019')).toBe('2019-07-04')
    expect(byId('jp-white-list-2019')).toBe('2019-08-02')
    expect(byId('kr-white-list-2019')).toBe('2019-08-12')
    expect(byId('gsomia-notice-2019')).toBe('2019-08-22')
  })

  it('writes only the known part of a date', () => {
    expect(formatEventDate({ date: '2011-08-30', precision: 'day' })).toBe('30 Aug 2011')
    expect(formatEventDate({ date: '2011-10-01', precision: 'month' })).toBe('Oct 2011')
    expect(formatEventDate({ date: '2012-01-01', precision: 'year' })).toBe('2012')
    expect(formatEventDate({ date: '2023-04-24', until: '2023-04-29', precision: 'day' })).toBe('24–29 Apr 2023')
  })

  it('selects events by year', () => {
    const y2019 = eventsBetween(2019, 2019)
    expect(y2019.length).toBeGreaterThan(0)
    expect(y2019.every(e => e.date.startsWith('2019'))).toBe(true)
  })
})

describe('a malformed timeline fails with the file, the record and the field named', () => {
  const gsomia = indexOf('gsomia-notice-2019')

  it.each([
    ['an impossible month and day', (c: TimelineEvent[]) => { c[gsomia]!.date = '2019-13-45' },
      `${FILE}: events[${gsomia}] "Korea announces GSOMIA termination" → date: "2019-13-45" is not a real calendar date`],
    ['30 February', (c: TimelineEvent[]) => { c[gsomia]!.date = '2019-02-30' },
      `events[${gsomia}] "Korea announces GSOMIA termination" → date: "2019-02-30" is not a real calendar date`],
    ['an unknown source id', (c: TimelineEvent[]) => { c[gsomia]!.sources = ['S12', 'S99'] },
      `events[${gsomia}] "Korea announces GSOMIA termination" → sources[1]: "S99" is not a source id`],
    ['no source at all', (c: TimelineEvent[]) => { c[gsomia]!.sources = [] },
      `events[${gsomia}] "Korea announces GSOMIA termination" → sources: [] must cite at least one source`],
    ['an act that does not exist', (c: TimelineEvent[]) => { (c[gsomia] as { act: string }).act = 'act-one' },
      `events[${gsomia}] "Korea announces GSOMIA termination" → act: "act-one" must be one of "opening", "crisis-decade"`],
    ['a country outside the palette', (c: TimelineEvent[]) => { (c[gsomia] as { country: string }).country = 'cn' },
      `events[${gsomia}] "Korea announces GSOMIA termination" → country: "cn" must be one of "kr", "jp", "us", "kr-jp"`],
    ['an empty title', (c: TimelineEvent[]) => { c[gsomia]!.title = '' },
      `events[${gsomia}] "gsomia-notice-2019" → title: "" must not be empty`],
    ['a month-precision date with a day', (c: TimelineEvent[]) => { c[gsomia]!.precision = 'month' },
      `events[${gsomia}] "Korea announces GSOMIA termination" → date: "2019-08-22" must be written YYYY-MM-01`],
    ['an end before the start', (c: TimelineEvent[]) => { c[gsomia]!.until = '2019-08-01' },
      `→ until: "2019-08-01" must be after date`],
    ['events out of order', (c: TimelineEvent[]) => { c[gsomia]!.date = '2019-12-31' },
      `events[${gsomia + 1}] "Korea files a WTO complaint" → date: "2019-09-11" is earlier than the event before it`],
    ['a duplicate id', (c: TimelineEvent[]) => { c[gsomia]!.id = 'jp-white-list-2019' },
      `events[${gsomia}] "Korea announces GSOMIA termination" → id: "jp-white-list-2019" is used by an earlier record too`],
  ])('%s', (_name, change, message) => {
    expect(() => validate(FILE, timelineSchema, withChange(change))).toThrow(message)
  })

  it('reports a bad date once, not again as an ordering problem', () => {
    expect(() => validate(FILE, timelineSchema, withChange((c) => { c[gsomia]!.date = '2019-13-45' })))
      .toThrow(/^snippets\/timeline\.ts: events\[\d+\] "Korea announces GSOMIA termination" → date: "2019-13-45" is not a real calendar date \(YYYY-MM-DD\)$/)
  })
})
