import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { DataError, isRealDate, isoDate, share, validate } from '../../snippets/schema'

describe('isRealDate', () => {
  it('accepts real calendar dates, including 29 February in a leap year', () => {
    for (const d of ['2011-08-30', '2019-12-31', '2020-02-29', '2000-02-29'])
      expect(isRealDate(d), d).toBe(true)
  })

  it('rejects impossible or malformed dates', () => {
    for (const d of ['2019-13-45', '2019-02-30', '2019-02-29', '1900-02-29', '2019-04-31', '2019-00-10', '2019-7-4', '04/07/2019', ''])
      expect(isRealDate(d), d).toBe(false)
  })
})

describe('validate', () => {
  const schema = z.object({ items: z.array(z.object({ title: z.string(), date: isoDate, pct: share })) })

  it('returns the data when it is valid', () => {
    const data = { items: [{ title: 'ok', date: '2019-07-04', pct: 93.1 }] }
    expect(validate('snippets/x.ts', schema, data)).toEqual(data)
  })

  it('names the file, the record (index and title) and the field with its value', () => {
    const data = { items: [{ title: 'ok', date: '2019-07-04', pct: 1 }, { title: 'GSOMIA', date: '2019-13-45', pct: 1 }] }
    expect(() => validate('snippets/x.ts', schema, data)).toThrow(
      'snippets/x.ts: items[1] "GSOMIA" → date: "2019-13-45" is not a real calendar date',
    )
  })

  it('throws a DataError with one line per problem', () => {
    const data = { items: [{ title: 'a', date: '2019-02-30', pct: 101 }] }
    let error: unknown
    try {
      validate('snippets/x.ts', schema, data)
    }
    catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DataError)
    const lines = (error as Error).message.split('\n')
    expect(lines).toEqual([
      'snippets/x.ts: items[0] "a" → date: "2019-02-30" is not a real calendar date (YYYY-MM-DD)',
      'snippets/x.ts: items[0] "a" → pct: 101 is not a share: must be from 0 to 100',
    ])
  })

  it('reports a missing field as missing, with the type it must have', () => {
    const data = { items: [{ date: '2019-07-04', pct: 1 }] }
    expect(() => validate('snippets/x.ts', schema, data)).toThrow('snippets/x.ts: items[0] → title: missing must be a string')
  })
})
