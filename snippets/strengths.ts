import * as z from 'zod/mini'
import { share, sourceIds, status, text, uniqueIds, validate } from './schema.ts'
import { SOURCE_IDS } from './sources.ts'

/*
 * Economic-security strengths and exposures (facts.md §3), all ✅. The partnership act's
 * point is complementarity: Korea makes memory and batteries, Japan supplies materials,
 * US firms design and sell chips but make few, and all three depend on China's
 * rare-earth processing. `value` is a share (0–100); `about` marks a rounded figure.
 * A figure published after the article (April 2023) says so in its `period`.
 */

const STRENGTH_COUNTRIES = ['us', 'jp', 'kr', 'cn'] as const
export type StrengthCountry = (typeof STRENGTH_COUNTRIES)[number]

const strength = /* @__PURE__ */ (() => z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/, 'must be a kebab-case id')),
  country: z.enum(STRENGTH_COUNTRIES),
  kind: z.enum(['strength', 'exposure']),
  label: text,
  value: share,
  about: z.optional(z.boolean()),
  period: text,
  detail: text,
  status,
  sources: sourceIds(SOURCE_IDS),
}))()

export type Strength = z.infer<typeof strength>

export const strengthsSchema = /* @__PURE__ */ (() => z.object({
  strengths: z.array(strength).check(z.check(ctx => uniqueIds(ctx.value, ctx.issues))),
}))()

const RAW = { strengths: [
  { id: 'dram', country: 'kr', kind: 'strength', label: 'of world DRAM revenue', value: 72.8, period: '4Q 2022',
    detail: 'Samsung 45.1%, SK hynix 27.7%', status: 'verified', sources: ['S58'] },
  { id: 'ev-batteries', country: 'kr', kind: 'strength', label: 'of EV batteries outside China', value: 46.6, period: 'Jan–Feb 2023',
    detail: 'LGES, SK On, Samsung SDI; 25.2% worldwide in Jan–Sep 2022', status: 'verified', sources: ['S60'] },
  { id: 'chip-materials', country: 'jp', kind: 'strength', label: 'of the world chip-materials market', value: 50, about: true, period: 'Sep 2023, after the article',
    detail: 'Japanese firms', status: 'verified', sources: ['S59'] },
  { id: 'euv-photoresist', country: 'jp', kind: 'strength', label: 'of EUV photoresist', value: 90, about: true, period: '2019',
    detail: 'Tokyo Ohka Kogyo, JSR and Shin-Etsu', status: 'verified', sources: ['S53'] },
  { id: 'chip-sales', country: 'us', kind: 'strength', label: 'of world chip sales by US firms', value: 47, period: '2019',
    detail: 'Design and sales lead', status: 'verified', sources: ['S62'] },
  { id: 'chip-manufacturing', country: 'us', kind: 'exposure', label: 'of chip-making capacity in the US', value: 12, about: true, period: '2019',
    detail: 'Down from 37% in 1990', status: 'verified', sources: ['S62'] },
  { id: 'rare-earth-processing', country: 'cn', kind: 'exposure', label: 'of rare-earth processing in China', value: 87, period: '2019 data (IEA)',
    detail: 'and about 61% of mining (2021)', status: 'verified', sources: ['S61'] },
] }

// Validated wherever the data can still be fixed: tests, `slidev dev`, and every build and export
// (vite.config.ts imports this module). The production bundle ships that checked data as is,
// so the browser never downloads zod.
export const strengths: readonly Strength[] = (import.meta.env?.PROD ? RAW as z.output<typeof strengthsSchema> : validate('snippets/strengths.ts', strengthsSchema, RAW)).strengths

/** "72.8%" or "about 50%". */
export function formatShare(s: Pick<Strength, 'value' | 'about'>): string {
  return `${s.about ? 'about ' : ''}${s.value}%`
}
