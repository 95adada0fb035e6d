import * as z from 'zod/mini'
import { ACT_IDS } from './acts.ts'
import { country, isoDate, isRealDate, sourceIds, text, uniqueIds, validate } from './schema.ts'
import { SOURCE_IDS } from './sources.ts'

/*
 * Dated events, 2011–2023, from facts.md §0–§3. Only ✅ facts are here: the one ⚠️ event in
 * facts.md (23 Mar 2023, Japan's formal effective date) is left out, and the May 2012
 * ruling, whose year alone is verified, is dated to the year.
 * `precision` says how much of `date` is known: 'month' dates are written YYYY-MM-01 and
 * 'year' dates YYYY-01-01, so they still sort; the display shows only the known part.
 */

const PRECISIONS = ['day', 'month', 'year'] as const
export type Precision = (typeof PRECISIONS)[number]

const event = /* @__PURE__ */ (() => z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/, 'must be a kebab-case id')),
  date: isoDate,
  /** Last day of a multi-day event (state visits), same precision as `date`. */
  until: z.optional(isoDate),
  precision: z.enum(PRECISIONS),
  title: text,
  /** A headline event: shown by <CrisisTimeline> unless the slide picks events itself. */
  key: z.optional(z.boolean()),
  act: z.enum(ACT_IDS),
  country,
  sources: sourceIds(SOURCE_IDS),
}).check(z.check((ctx) => {
  const e = ctx.value
  if (e.precision === 'month' && !e.date.endsWith('-01'))
    ctx.issues.push({ code: 'custom', message: 'must be written YYYY-MM-01 when precision is "month"', input: e.date, path: ['date'] })
  if (e.precision === 'year' && !e.date.endsWith('-01-01'))
    ctx.issues.push({ code: 'custom', message: 'must be written YYYY-01-01 when precision is "year"', input: e.date, path: ['date'] })
  if (e.until !== undefined && e.until <= e.date)
    ctx.issues.push({ code: 'custom', message: 'must be after date', input: e.until, path: ['until'] })
})))()

export type TimelineEvent = z.infer<typeof event>

export const timelineSchema = /* @__PURE__ */ (() => z.object({
  events: z.array(event).check(z.check((ctx) => {
    uniqueIds(ctx.value, ctx.issues)
    ctx.value.forEach((e, i) => {
      const prev = ctx.value[i - 1]
      // Order is only meaningful between real dates; a bad date is reported on its own.
      if (prev && isRealDate(prev.date) && isRealDate(e.date) && prev.date > e.date)
        ctx.issues.push({ code: 'custom', message: `is earlier than the event before it (${prev.date}); keep events in date order`, input: e.date, path: [i, 'date'] })
    })
  })),
}))()

const RAW = { events: [
  { id: 'constitutional-court-2011', key: true, date: '2011-08-30', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S3'],
    title: 'Korea’s Constitutional Court rules Seoul must press comfort-women claims' },
  { id: 'noda-seoul-2011', date: '2011-10-01', precision: 'month', act: 'crisis-decade', country: 'kr-jp', sources: ['S22'],
    title: 'Noda visits Seoul, the last bilateral visit by a Japanese prime minister until 2023' },
  { id: 'kyoto-summit-2011', key: true, date: '2011-12-18', precision: 'day', act: 'crisis-decade', country: 'kr-jp', sources: ['S5', 'S6'],
    title: 'Lee–Noda summit in Kyoto, about two-thirds of it on comfort women' },
  { id: 'supreme-court-2012', key: true, date: '2012-01-01', precision: 'year', act: 'crisis-decade', country: 'kr', sources: ['S14'],
    title: 'Supreme Court: forced-labor claims outlive the 1965 accord' },
  { id: 'dokdo-visit-2012', key: true, date: '2012-08-10', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S4'],
    title: 'Lee visits Dokdo/Takeshima, a first for a Korean president; Japan recalls its ambassador' },
  { id: 'hague-trilateral-2014', date: '2014-03-01', precision: 'month', act: 'missed-mediation', country: 'us', sources: ['S2'],
    title: 'Obama brings Park and Abe together in The Hague' },
  { id: 'park-abe-summit-2015', date: '2015-11-02', precision: 'day', act: 'crisis-decade', country: 'kr-jp', sources: ['S24'],
    title: 'First Park–Abe bilateral summit, in Seoul' },
  { id: 'comfort-women-deal-2015', key: true, date: '2015-12-28', precision: 'day', act: 'crisis-decade', country: 'kr-jp', sources: ['S7'],
    title: 'Comfort-women deal: “final and irreversible”' },
  { id: 'foundation-launch-2016', date: '2016-07-01', precision: 'month', act: 'crisis-decade', country: 'kr', sources: ['S8'],
    title: 'Reconciliation and Healing Foundation launched' },
  { id: 'nippon-steel-ruling-2018', key: true, date: '2018-10-30', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S14'],
    title: 'Nippon Steel ordered to pay forced laborers' },
  { id: 'foundation-dissolution-2018', key: true, date: '2018-11-21', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S8'],
    title: 'Seoul to dissolve the deal’s foundation' },
  { id: 'mitsubishi-ruling-2018', key: true, date: '2018-11-29', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S15'],
    title: 'Supreme Court rules against Mitsubishi Heavy Industries' },
  { id: 'foundation-licence-2019', date: '2019-01-21', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S8'],
    title: 'The foundation’s license is revoked' },
  { id: 'export-controls-2019', key: true, date: '2019-07-04', precision: 'day', act: 'crisis-decade', country: 'jp', sources: ['S9'],
    title: 'Japan requires licenses for three chip chemicals' },
  { id: 'jp-white-list-2019', key: true, date: '2019-08-02', precision: 'day', act: 'crisis-decade', country: 'jp', sources: ['S10'],
    title: 'Japan’s cabinet drops Korea from its white list' },
  { id: 'kr-white-list-2019', date: '2019-08-12', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S11'],
    title: 'Korea drops Japan from its white list (effective 18 Sep)' },
  { id: 'gsomia-notice-2019', key: true, date: '2019-08-22', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S12'],
    title: 'Korea announces GSOMIA termination' },
  { id: 'wto-complaint-2019', key: true, date: '2019-09-11', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S16'],
    title: 'Korea files a WTO complaint' },
  { id: 'gsomia-suspended-2019', date: '2019-11-22', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S13'],
    title: 'Six hours before expiry, Korea suspends the GSOMIA notice and the WTO case' },
  { id: 'chengdu-summit-2019', date: '2019-12-24', precision: 'day', act: 'crisis-decade', country: 'kr-jp', sources: ['S25'],
    title: 'Moon–Abe summit in Chengdu, the first formal one in 15 months' },
  { id: 'wto-panel-2020', date: '2020-07-29', precision: 'day', act: 'crisis-decade', country: 'kr', sources: ['S17'],
    title: 'WTO panel established after Korea revives its case' },
  { id: 'chips-act-2022', date: '2022-08-09', precision: 'day', act: 'partnership', country: 'us', sources: ['S63'],
    title: 'CHIPS and Science Act signed: $52.7bn for chips' },
  { id: 'ira-2022', date: '2022-08-16', precision: 'day', act: 'partnership', country: 'us', sources: ['S64'],
    title: 'Inflation Reduction Act signed; Korean-built EVs lose the tax credit' },
  { id: 'phnom-penh-2022', key: true, date: '2022-11-13', precision: 'day', act: 'summit', country: 'kr-jp', sources: ['S26', 'S40'],
    title: 'Phnom Penh: first Yoon–Kishida summit; a trilateral economic-security dialogue is launched' },
  { id: 'econ-security-dialogue-2023', date: '2023-02-27', precision: 'day', act: 'partnership', country: 'us', sources: ['S40'],
    title: 'US–Japan–Korea Economic Security Dialogue first meets, in Honolulu' },
  { id: 'compensation-plan-2023', key: true, date: '2023-03-06', precision: 'day', act: 'summit', country: 'kr', sources: ['S18'],
    title: 'Seoul’s plan: a state-affiliated foundation compensates the 15 plaintiffs' },
  { id: 'tokyo-summit-2023', key: true, date: '2023-03-16', precision: 'day', act: 'summit', country: 'kr-jp', sources: ['S19', 'S20'],
    title: 'Tokyo summit: controls lifted, WTO case dropped' },
  { id: 'gsomia-normalised-2023', key: true, date: '2023-03-21', precision: 'day', act: 'summit', country: 'kr', sources: ['S21'],
    title: 'Korea tells Japan GSOMIA is fully normalized' },
  { id: 'kr-white-list-restored-2023', date: '2023-04-24', precision: 'day', act: 'summit', country: 'kr', sources: ['S27'],
    title: 'Korea puts Japan back on its white list' },
  { id: 'state-visit-2023', key: true, date: '2023-04-24', until: '2023-04-29', precision: 'day', act: 'state-visit', country: 'us', sources: ['S28'],
    title: 'Yoon’s state visit to Washington, the first by a Korean president since 2011' },
  { id: 'washington-declaration-2023', date: '2023-04-26', precision: 'day', act: 'state-visit', country: 'us', sources: ['S29'],
    title: 'Washington Declaration: a Nuclear Consultative Group' },
  { id: 'kishida-seoul-2023', key: true, date: '2023-05-07', until: '2023-05-08', precision: 'day', act: 'summit', country: 'kr-jp', sources: ['S22'],
    title: 'Kishida in Seoul, the first such visit since 2011' },
  { id: 'jp-white-list-restored-2023', date: '2023-07-21', precision: 'day', act: 'summit', country: 'jp', sources: ['S27'],
    title: 'Japan puts Korea back on its white list (cabinet decision 27 Jun)' },
  { id: 'camp-david-2023', key: true, date: '2023-08-18', precision: 'day', act: 'closing', country: 'us', sources: ['S30', 'S31'],
    title: 'Camp David: the first stand-alone US–Japan–Korea summit' },
] }

// Validated wherever the data can still be fixed: tests, `slidev dev`, and every build and export
// (vite.config.ts imports this module). The production bundle ships that checked data as is,
// so the browser never downloads zod.
export const events: readonly TimelineEvent[] = (import.meta.env?.PROD ? RAW as z.output<typeof timelineSchema> : validate('snippets/timeline.ts', timelineSchema, RAW)).events

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/**
 * "30 Aug 2011", "Oct 2011", "2012", "24–29 Apr 2023": only the known part of the date.
 * Written by hand rather than with Intl so the output is the same in every locale and in the PDF.
 */
export function formatEventDate(e: Pick<TimelineEvent, 'date' | 'until' | 'precision'>): string {
  const [y, m, d] = e.date.split('-').map(Number) as [number, number, number]
  const month = MONTHS[m - 1] ?? ''
  if (e.precision === 'year')
    return String(y)
  if (e.precision === 'month')
    return `${month} ${y}`
  if (e.until) {
    const [uy, um, ud] = e.until.split('-').map(Number) as [number, number, number]
    if (uy === y && um === m)
      return `${d}–${ud} ${month} ${y}`
    return `${d} ${month} ${y} – ${ud} ${MONTHS[um - 1] ?? ''} ${uy}`
  }
  return `${d} ${month} ${y}`
}

/** Events whose year lies in [from, to], in date order. */
export function eventsBetween(from: number, to: number): TimelineEvent[] {
  return events.filter((e) => {
    const year = Number(e.date.slice(0, 4))
    return year >= from && year <= to
  })
}

/** What a `<CrisisTimeline>` shows: exact steps of event ids, chosen ids, or a year range. */
export interface TimelineSelection {
  steps?: readonly (readonly string[])[]
  ids?: readonly string[]
  from?: string | number
  to?: string | number
  group?: 'event' | 'month' | 'year'
}

/**
 * The click steps of a timeline, each a list of events: the component reveals one per click and
 * the deck check counts them against the slide's `clicks`. Without `steps`, the headline (`key`)
 * events of the range are grouped a year a step (an event a step when the range is one year).
 * An unknown id throws, naming it.
 */
export function timelineSteps(pick: TimelineSelection, all: readonly TimelineEvent[] = events): TimelineEvent[][] {
  const byId = (id: string): TimelineEvent => {
    const found = all.find(e => e.id === id)
    if (!found)
      throw new Error(`no event with id ${JSON.stringify(id)} in snippets/timeline.ts`)
    return found
  }
  if (pick.steps)
    return pick.steps.map(step => step.map(byId))
  const from = Number(pick.from ?? 2011)
  const to = Number(pick.to ?? 2023)
  const picked = pick.ids
    ? pick.ids.map(byId)
    : all.filter(e => e.key === true && Number(e.date.slice(0, 4)) >= from && Number(e.date.slice(0, 4)) <= to)
  const group = pick.group ?? (pick.ids || from === to ? 'event' : 'year')
  const keyOf = (e: TimelineEvent) => (group === 'year' ? e.date.slice(0, 4) : group === 'month' ? e.date.slice(0, 7) : e.id)
  const out: TimelineEvent[][] = []
  for (const e of picked) {
    const last = out.at(-1)
    if (last && keyOf(last[0]!) === keyOf(e))
      last.push(e)
    else
      out.push([e])
  }
  return out
}
