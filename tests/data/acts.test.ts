import { describe, expect, it } from 'vitest'
import { ACT_IDS, acts, actsSchema } from '../../snippets/acts'
import { validate } from '../../snippets/schema'

describe('acts', () => {
  it('lists the eight acts in talk order, the untimed backup last', () => {
    expect(acts.map(a => a.id)).toEqual([...ACT_IDS])
    expect(acts.at(-1)).toMatchObject({ id: 'backup', minutes: 0 })
  })

  it('a malformed act fails with the file, the act and the field named', () => {
    const copy = structuredClone([...acts])
    copy[2]!.minutes = 45
    expect(() => validate('snippets/acts.ts', actsSchema, { acts: copy })).toThrow(
      'snippets/acts.ts: acts[2] "The summit" → minutes: 45 must be from 0 to 20 minutes',
    )
    expect(() => validate('snippets/acts.ts', actsSchema, { acts: copy.slice(1) })).toThrow('snippets/acts.ts: acts must list all 8 acts')
  })
})
