import * as z from 'zod/mini'
import { country, sourceIds, text, validate } from './schema.ts'
import { SOURCE_IDS } from './sources.ts'

/*
 * Chart series from facts.md §2. Each point carries its status and sources. Status
 * 'verified' is a ✅ figure; 'estimate' is ⚠️ (or Δ) and is drawn hollow and labelled
 * "est."; 'missing' (value null) is a year with no figure worth showing, drawn as a gap
 * and written "no verified figure" in the table: better a visible gap than a guess.
 * Series prefer ✅ figures; the poll is the one that shows estimates, flagged.
 */

export const SERIES_IDS = [
  'visitors-kr-to-jp',
  'boycott-months',
  'poll-impressions',
  'hf-imports',
  'beer-imports',
  'leader-meetings',
  'chemicals-dependence',
] as const
export type SeriesId = (typeof SERIES_IDS)[number]

/** How each unit is written on a label, an axis and in the table. `percent` is a share (0–100). */
export const UNITS = {
  'percent': { axis: '% of respondents or of supply', format: (v: number) => `${v}%` },
  'percent-change': { axis: '% change on a year earlier', format: (v: number) => `${v < 0 ? '−' : v > 0 ? '+' : ''}${Math.abs(v)}%` },
  'visitors-millions': { axis: 'visitors, millions', format: (v: number) => `${v}m` },
  'usd-millions': { axis: 'US$ millions', format: (v: number) => `$${v}m` },
  'meetings': { axis: 'meetings', format: (v: number) => String(v) },
} as const
export type Unit = keyof typeof UNITS
const UNIT_IDS = Object.keys(UNITS) as [Unit, ...Unit[]]

/** Counts, money and visitors cannot be negative; only a change can. */
const NON_NEGATIVE: ReadonlySet<Unit> = /* @__PURE__ */ new Set(['visitors-millions', 'usd-millions', 'meetings'])

const POINT_STATUSES = ['verified', 'estimate', 'missing'] as const
export type PointStatus = (typeof POINT_STATUSES)[number]

const dataset = /* @__PURE__ */ (() => z.object({
  label: text,
  country,
  values: z.array(z.nullable(z.number())),
  status: z.array(z.enum(POINT_STATUSES)),
  /** Source ids per point (same length as values); an estimate may have none. */
  sources: z.array(z.array(z.string().check(z.refine(id => SOURCE_IDS.has(id), 'is not a source id in snippets/sources.ts')))),
}))()

const seriesEntry = /* @__PURE__ */ (() => z.object({
  id: z.enum(SERIES_IDS),
  /** The chart's headline: the finding, in words the audience keeps. */
  finding: text,
  kind: z.enum(['bar', 'line']),
  /** Bars run sideways (long category names). */
  horizontal: z.optional(z.boolean()),
  unit: z.enum(UNIT_IDS),
  labels: z.array(text).check(z.minLength(1, 'must have at least one label')),
  datasets: z.array(dataset).check(z.minLength(1, 'must have at least one dataset')),
  /** Every source any point cites: the chart's source line. */
  sources: sourceIds(SOURCE_IDS),
  caveat: z.optional(text),
  /** Line charts print values at the first and last point and at these labels too. */
  marks: z.optional(z.array(text)),
  /** Decimals kept in the values written on the chart (the table keeps every digit): 0 writes $66.86m as $67m. */
  labelDigits: z.optional(z.int().check(z.gte(0, 'must be 0 or more'), z.lte(3, 'must be 3 or fewer'))),
  /** Mark the change of the first dataset between two labels on the chart, computed from the values (e.g. −86%). */
  change: z.optional(z.object({ from: text, to: text })),
  /** The first label whose figure was published after the article (April 2023): the chart sets it and the rest apart. */
  afterArticle: z.optional(text),
}).check(z.check((ctx) => {
  const s = ctx.value
  const listed = new Set(s.sources)
  s.marks?.forEach((m, j) => {
    if (!s.labels.includes(m))
      ctx.issues.push({ code: 'custom', message: 'is not one of the series\' labels', input: m, path: ['marks', j] })
  })
  if (s.afterArticle !== undefined && !s.labels.includes(s.afterArticle))
    ctx.issues.push({ code: 'custom', message: 'is not one of the series\' labels', input: s.afterArticle, path: ['afterArticle'] })
  if (s.change) {
    for (const end of ['from', 'to'] as const) {
      const at = s.labels.indexOf(s.change[end])
      const v = s.datasets[0]?.values[at]
      if (at < 0)
        ctx.issues.push({ code: 'custom', message: 'is not one of the series\' labels', input: s.change[end], path: ['change', end] })
      else if (v === null || v === undefined || (end === 'from' && v === 0))
        ctx.issues.push({ code: 'custom', message: end === 'from' ? 'must have a non-zero value to compute a change from' : 'must have a value', input: s.change[end], path: ['change', end] })
    }
  }
  s.datasets.forEach((d, i) => {
    const issue = (field: string, message: string, input: unknown, j?: number) =>
      ctx.issues.push({ code: 'custom', message, input, path: j === undefined ? ['datasets', i, field] : ['datasets', i, field, j] })
    if (d.values.length !== s.labels.length)
      issue('values', `has ${d.values.length} values for ${s.labels.length} labels`, d.values)
    if (d.status.length !== d.values.length)
      issue('status', `has ${d.status.length} entries for ${d.values.length} values`, d.status)
    if (d.sources.length !== d.values.length)
      issue('sources', `has ${d.sources.length} entries for ${d.values.length} values`, d.sources)
    d.values.forEach((v, j) => {
      const st = d.status[j]
      if (s.unit === 'percent' && v !== null && (v < 0 || v > 100))
        issue('values', 'is not a share: must be from 0 to 100', v, j)
      if (NON_NEGATIVE.has(s.unit) && v !== null && v < 0)
        issue('values', `is negative: ${UNITS[s.unit].axis} cannot be below 0`, v, j)
      if ((v === null) !== (st === 'missing'))
        issue('status', v === null ? 'must be "missing" for a null value' : 'must not be "missing" for a value', st, j)
      const ids = d.sources[j] ?? []
      if (st === 'verified' && ids.length === 0)
        issue('sources', 'must cite at least one source for a verified value', ids, j)
      for (const id of ids) {
        if (!listed.has(id))
          issue('sources', `cites ${id}, which is missing from the series' sources`, ids, j)
      }
    })
  })
})))()

export type Series = z.infer<typeof seriesEntry>
export type SeriesDataset = Series['datasets'][number]

export const seriesSchema = /* @__PURE__ */ (() => z.object({
  series: z.record(z.enum(SERIES_IDS), seriesEntry).check(z.check((ctx) => {
    for (const [key, s] of Object.entries(ctx.value)) {
      if (s.id !== key)
        ctx.issues.push({ code: 'custom', message: `must equal its key "${key}"`, input: s.id, path: [key, 'id'] })
    }
  })),
}))()

const V = 'verified'
const E = 'estimate'
const M = 'missing'

const RAW = { series: {
  'visitors-kr-to-jp': {
    id: 'visitors-kr-to-jp',
    finding: 'Korean visits to Japan fell by a quarter in 2019, the boycott year',
    kind: 'bar',
    unit: 'visitors-millions',
    labels: ['2011', '2015', '2018', '2019', '2022', '2023'],
    datasets: [{
      label: 'Korean visitors to Japan',
      country: 'kr',
      values: [1.6, 4.0, 7.54, 5.58, 1.01, 6.95],
      status: [V, V, V, V, V, V],
      sources: [['S39'], ['S41'], ['S42'], ['S42'], ['S42'], ['S42']],
    }],
    sources: ['S39', 'S41', 'S42'],
    caveat: 'JNTO counts. Only years with a verified figure are shown (2012–14, 2016–17 and 2020–21 are not). 2011 is about 1.6m; 2023 at least 6.95m. 2019 was down 25.9% on 2018.',
  },
  'boycott-months': {
    id: 'boycott-months',
    finding: 'By November 2019, Korean visits to Japan were down 65% on a year earlier',
    kind: 'bar',
    unit: 'percent-change',
    labels: ['Aug 2019', 'Sep 2019', 'Oct 2019', 'Nov 2019'],
    datasets: [{
      label: 'Korean visitors to Japan, change on a year earlier',
      country: 'kr',
      values: [-48, -58.1, -65.5, -65.1],
      status: [V, V, V, V],
      sources: [['S42'], ['S42'], ['S42'], ['S42']],
    }],
    sources: ['S42'],
    caveat: 'August: 308,700 visitors; November: 205,000.',
  },
  'poll-impressions': {
    id: 'poll-impressions',
    finding: 'After the 2019 sanctions, Koreans with a bad view of Japan rose from 50% to 72%',
    kind: 'line',
    unit: 'percent',
    labels: ['2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'],
    // facts.md cites S45–S50 for the table; each wave is matched to the source published after it.
    datasets: [{
      label: 'Koreans with a bad impression of Japan',
      country: 'kr',
      values: [76.6, 70.9, 72.5, 61.0, 56.1, 50.6, 49.9, 71.6, 63.2, 52.8, 53.3],
      status: [V, V, V, E, E, E, V, V, V, V, V],
      sources: [['S45'], ['S45'], ['S45'], [], [], [], ['S47'], ['S48'], ['S49'], ['S49'], ['S50']],
    }, {
      label: 'Japanese with a bad impression of Korea',
      country: 'jp',
      values: [37.3, 54.4, 52.4, 44.6, 48.6, 46.3, 49.9, 46.3, 48.8, 40.3, 32.8],
      status: [V, V, V, E, E, E, E, V, V, V, V],
      sources: [['S45'], ['S45'], ['S45'], [], [], [], [], ['S48'], ['S49'], ['S49'], ['S50']],
    }],
    sources: ['S45', 'S47', 'S48', 'S49', 'S50'],
    marks: ['2019', '2020'],
    afterArticle: '2023',
    caveat: 'Genron NPO–EAI poll, about 1,000 people per country a wave. The 2019 wave was fielded in May–June, before the export controls, so the jump shows in 2020. The 2023 wave was published in October 2023, after the article. Hollow points are estimates without a stored source.',
  },
  'hf-imports': {
    id: 'hf-imports',
    finding: 'Korea’s hydrogen-fluoride imports from Japan fell 86% in two years',
    kind: 'bar',
    unit: 'usd-millions',
    labels: ['2018', '2019', '2020'],
    datasets: [{
      label: 'Hydrogen fluoride imported from Japan',
      country: 'jp',
      values: [66.86, 36.34, 9.38],
      status: [V, V, V],
      sources: [['S54', 'S55'], ['S54', 'S55'], ['S54', 'S55']],
    }],
    sources: ['S54', 'S55'],
    labelDigits: 0,
    change: { from: '2018', to: '2020' },
    caveat: 'The 86% is computed from the figures shown: 9.38 is 14% of 66.86. Japan’s share of Korea’s HF imports: about 44% in the first half of 2019, 32.2% over 2019, 12.8% in 2020.',
  },
  'beer-imports': {
    id: 'beer-imports',
    finding: 'Japanese beer imports into Korea fell from $78m to under $6m in two years',
    kind: 'bar',
    unit: 'usd-millions',
    labels: ['2018', '2019', '2020', '2021'],
    datasets: [{
      label: 'Japanese beer imported into Korea',
      country: 'jp',
      values: [78.3, 39.76, 5.67, 6.8],
      status: [V, V, V, V],
      sources: [['S51'], ['S51'], ['S51'], ['S51']],
    }],
    sources: ['S51'],
    caveat: '2020 was down 85.7% on 2019; Japan fell from first to ninth among suppliers.',
  },
  'leader-meetings': {
    id: 'leader-meetings',
    finding: 'Korea’s and Japan’s leaders met seven times in 2023, after none in 2020–21',
    kind: 'bar',
    unit: 'meetings',
    labels: ['2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'],
    datasets: [{
      label: 'Bilateral leaders’ meetings',
      country: 'kr-jp',
      values: [2, 1, 0, 0, 1, null, null, null, 2, 0, 0, 2, 7],
      status: [V, V, V, V, V, M, M, M, V, V, V, V, V],
      sources: [['S5', 'S22'], ['S23'], ['S23'], ['S23'], ['S24'], [], [], [], ['S25'], ['S26'], ['S26'], ['S26'], ['S57']],
    }],
    sources: ['S5', 'S22', 'S23', 'S24', 'S25', 'S26', 'S57'],
    caveat: '2016–18: several meetings on the sidelines of other summits; the exact count is not verified, so no bar. 2019: one formal, one impromptu.',
  },
  'chemicals-dependence': {
    id: 'chemicals-dependence',
    finding: 'Before the controls, Korea bought over 90% of two of the three chemicals from Japan',
    kind: 'bar',
    horizontal: true,
    unit: 'percent',
    labels: ['Fluorinated polyimide (Jan–May 2019)', 'Photoresist (2018)', 'Hydrogen fluoride (H1 2019)'],
    datasets: [{
      label: 'Share of Korea’s imports from Japan',
      country: 'jp',
      values: [93.7, 93.1, 43.9],
      status: [V, V, V],
      sources: [['S54'], ['S54'], ['S54']],
    }],
    sources: ['S54'],
    caveat: 'Hydrogen fluoride: 43.9–44.6% by measure; the lower figure is shown. The three items were $390m of imports in 2018, 0.7% of all imports from Japan.',
  },
} }

// Validated wherever the data can still be fixed: tests, `slidev dev`, and every build and export
// (vite.config.ts imports this module). The production bundle ships that checked data as is,
// so the browser never downloads zod.
export const series: Readonly<Record<SeriesId, Series>> = (import.meta.env?.PROD ? RAW as z.output<typeof seriesSchema> : validate('snippets/series.ts', seriesSchema, RAW)).series

/** The series with this id (typed, so a wrong id is a type error in a slide too). */
export function seriesById(id: SeriesId): Series {
  return series[id]
}

/** The change from `from` to `to` in whole percent, as written on a chart: "−86%". */
export function formatChange(from: number, to: number): string {
  return UNITS['percent-change'].format(roundHalfAway((to - from) / from * 100, 0))
}

/** Rounds half away from zero (−65.5 → −66, as 65.5 → 66), unlike Math.round. */
export function roundHalfAway(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.sign(value) * Math.round(Math.abs(value) * f) / f
}

/** A value as written on the chart: rounded to the series' `labelDigits` when it has them. */
export function formatLabel(unit: Unit, value: number | null, pointStatus: PointStatus | undefined, digits?: number): string {
  return formatPoint(unit, value === null || digits === undefined ? value : roundHalfAway(value, digits), pointStatus)
}

/** A value as written on the chart and in the table; estimates say so. */
export function formatPoint(unit: Unit, value: number | null, pointStatus: PointStatus | undefined): string {
  if (value === null)
    return 'no verified figure'
  const text = UNITS[unit].format(value)
  return pointStatus === 'estimate' ? `${text} (est.)` : text
}

