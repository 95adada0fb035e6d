import * as z from 'zod/mini'
import { uniqueIds, validate } from './schema.ts'

/**
 * The talk's acts in the order they are given, with the pacing budget from the talk outline.
 * Slides name their act in frontmatter (`act: crisis-decade`); the content test, the pacing
 * indicator and the appendix all read this one list. `backup` holds the slides after the
 * sources that answer likely questions: reached by number, never part of the 20 minutes.
 */
export const ACT_IDS = [
  'opening',
  'crisis-decade',
  'summit',
  'missed-mediation',
  'partnership',
  'state-visit',
  'closing',
  'backup',
] as const

export type ActId = (typeof ACT_IDS)[number]

export const actSchema = /* @__PURE__ */ (() => z.object({
  id: z.enum(ACT_IDS),
  title: z.string().check(z.minLength(1, 'must not be empty')),
  /** Minutes of talk planned for the act; the closing (recap, Q&A, sources) and the backup slides for questions have none. */
  minutes: z.number().check(z.gte(0, 'must be from 0 to 20 minutes'), z.lte(20, 'must be from 0 to 20 minutes')),
}))()

export type Act = z.infer<typeof actSchema>

// zod/mini and the shared validate() (snippets/schema.ts): same rules, a smaller bundle, and
// errors that name the file, the act and the field like every other data module.
export const actsSchema = /* @__PURE__ */ (() => z.object({
  acts: z.array(actSchema).check(
    z.length(ACT_IDS.length, `must list all ${ACT_IDS.length} acts`),
    z.check(ctx => uniqueIds(ctx.value, ctx.issues)),
  ),
}))()

const RAW = { acts: [
  { id: 'opening', title: 'Opening', minutes: 1.5 },
  { id: 'crisis-decade', title: 'The crisis decade', minutes: 5 },
  { id: 'summit', title: 'The summit', minutes: 3 },
  { id: 'missed-mediation', title: 'The missed mediation', minutes: 3.5 },
  { id: 'partnership', title: 'The partnership proposal', minutes: 5 },
  { id: 'state-visit', title: 'The state-visit hook', minutes: 2 },
  { id: 'closing', title: 'Closing', minutes: 0 },
  { id: 'backup', title: 'Backup (not timed)', minutes: 0 },
] }

// Validated wherever the data can still be fixed: tests, `slidev dev`, and every build and export
// (vite.config.ts imports this module). The production bundle ships that checked data as is,
// so the browser never downloads zod.
export const acts: readonly Act[] = (import.meta.env?.PROD ? RAW as z.output<typeof actsSchema> : validate('snippets/acts.ts', actsSchema, RAW)).acts
