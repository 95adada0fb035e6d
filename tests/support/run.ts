import { run } from '../../scripts/lib.mjs'

export { buildDeck, run } from '../../scripts/lib.mjs'
export type RunResult = Awaited<ReturnType<typeof run>>
