import { z } from 'zod'

/**
 * The talk's acts in the order they are given, with the pacing budget from the talk outline.
 * Slides name their act in frontmatter (`act: crisis-decade`); the content test, the pacing
 * indicator and the appendix all read this one list.
 */
export const ACT_IDS = [
  'opening',
  'crisis-decade',
  'summit',
  'missed-mediation',
  'partnership',
  'state-visit',
  'closing',
] as const

export type ActId = (typeof ACT_IDS)[number]

export const actSchema = z.object({
  id: z.enum(ACT_IDS),
  title: z.string().min(1),
  /** Minutes of talk planned for the act; the closing (recap, Q&A, sources) has none. */
  minutes: z.number().min(0).max(20),
})

export type Act = z.infer<typeof actSchema>

export const acts: readonly Act[] = z.array(actSchema).length(ACT_IDS.length).parse([
  { id: 'opening', title: 'Opening', minutes: 1.5 },
  { id: 'crisis-decade', title: 'The crisis decade', minutes: 5 },
  { id: 'summit', title: 'The summit', minutes: 3 },
  { id: 'missed-mediation', title: 'The missed mediation', minutes: 3.5 },
  { id: 'partnership', title: 'The partnership proposal', minutes: 5 },
  { id: 'state-visit', title: 'The state-visit hook', minutes: 2 },
  { id: 'closing', title: 'Closing', minutes: 0 },
])
