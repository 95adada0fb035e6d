import * as z from 'zod/mini'

/*
 * Shared schemas for the deck's data and the one place that turns a schema failure into a
 * message a person can act on. Data is checked in tests, `slidev dev` and at the start of
 * every build and export (vite.config.ts); the production bundle ships the checked data and
 * no validator. For that, every schema is built in an IIFE marked pure: unused in the
 * production bundle, the bundler drops it and zod with it.
 */

const COUNTRIES = ['kr', 'jp', 'us', 'kr-jp'] as const
export type Country = (typeof COUNTRIES)[number]
export const country = /* @__PURE__ */ (() => z.enum(COUNTRIES))()

/** Verified ✅ in facts.md, or an estimate (⚠️, or Δ derived without a stated derivation). */
export const STATUSES = ['verified', 'estimate'] as const
export type Status = (typeof STATUSES)[number]
export const status = /* @__PURE__ */ (() => z.enum(STATUSES))()

export const text = /* @__PURE__ */ (() => z.string().check(z.minLength(1, 'must not be empty')))()

// The data slide shows this part: <<< @/snippets/schema.ts#rules
// #region rules
/** True for a real calendar date written YYYY-MM-DD (so 2019-13-45 and 2019-02-30 are false). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m)
    return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  // Date.UTC rolls 30 Feb over into March; a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

export const isoDate = /* @__PURE__ */ (() => z.string().check(z.refine(isRealDate, 'is not a real calendar date (YYYY-MM-DD)')))()
// #endregion rules

/** A percentage share of a whole. */
export const share = /* @__PURE__ */ (() => z.number().check(
  z.gte(0, 'is not a share: must be from 0 to 100'),
  z.lte(100, 'is not a share: must be from 0 to 100'),
))()

/** A list of source ids that must all exist in the registry (passed in to avoid an import cycle). */
export function sourceIds(known: ReadonlySet<string>) {
  return z.array(
    z.string().check(z.refine(id => known.has(id), 'is not a source id in snippets/sources.ts')),
  ).check(z.minLength(1, 'must cite at least one source'))
}

/** Flags the second and later records that reuse an id (path points at the duplicate). */
export function uniqueIds<T extends { id: string }>(items: readonly T[], issues: z.core.$ZodRawIssue[]): void {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (seen.has(item.id))
      issues.push({ code: 'custom', message: 'is used by an earlier record too', input: item.id, path: [i, 'id'] })
    seen.add(item.id)
  })
}

export class DataError extends Error {
  override name = 'DataError'
}

type Path = readonly PropertyKey[]

function at(data: unknown, path: Path): unknown {
  let cur: unknown = data
  for (const key of path) {
    if (cur === null || typeof cur !== 'object')
      return undefined
    cur = (cur as Record<PropertyKey, unknown>)[key]
  }
  return cur
}

function formatPath(path: Path): string {
  return path.map((k, i) => typeof k === 'number' ? `[${k}]` : (i === 0 ? String(k) : `.${String(k)}`)).join('')
}

function describeRecord(collection: PropertyKey, key: PropertyKey | undefined, record: unknown): string {
  if (key === undefined)
    return String(collection)
  const where = typeof key === 'number' ? `${String(collection)}[${key}]` : `${String(collection)}[${JSON.stringify(key)}]`
  const r = record as { title?: unknown, label?: unknown, id?: unknown } | undefined
  const name = [r?.title, r?.id, r?.label].find(v => typeof v === 'string' && v.length > 0)
  return typeof name === 'string' && name !== key ? `${where} ${JSON.stringify(name)}` : where
}

/** Our own messages read as predicates ("is not …"); zod/mini ships no wording for its own. */
function explain(issue: z.core.$ZodIssue): string {
  if (/^(is|must|has|cites)\b/.test(issue.message))
    return issue.message
  switch (issue.code) {
    case 'invalid_type': return `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`
    case 'invalid_value': return `must be one of ${issue.values.map(v => JSON.stringify(v)).join(', ')}`
    case 'invalid_format': return `is not a valid ${issue.format}`
    case 'unrecognized_keys': return `has unknown fields ${issue.keys.join(', ')}`
    default: return `is invalid (${issue.message})`
  }
}

/**
 * Parses `data` (an object of named collections, e.g. `{ events: [...] }`) with `schema` and
 * returns it typed, or throws a DataError whose every line names the file, the record and the
 * field, e.g. `snippets/timeline.ts: events[4] "…" → date: "2019-13-45" is not a real calendar date`.
 */
export function validate<S extends z.ZodMiniType>(file: string, schema: S, data: unknown): z.output<S> {
  const result = z.safeParse(schema, data)
  if (result.success)
    return result.data
  const lines = result.error.issues.map((issue) => {
    const [collection = '(root)', key, ...field] = issue.path
    const record = describeRecord(collection, key, key === undefined ? undefined : at(data, [collection, key]))
    const message = explain(issue)
    if (field.length === 0)
      return `${file}: ${record} ${message}`
    const value = at(data, issue.path)
    // JSON writes NaN and Infinity as null: name them as they are.
    const shown = value === undefined ? 'missing' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value)
    return `${file}: ${record} → ${formatPath(field)}: ${shown} ${message}`
  })
  throw new DataError(lines.join('\n'))
}
