import { join } from 'node:path'
import { ROOT } from '../../scripts/lib.mjs'

export { ROOT }
export const SLIDES_MD = join(ROOT, 'slides.md')
/** Where the deck tests put their builds and exports; ignored by git. */
export const CACHE_DIR = join(ROOT, '.cache', 'tests')
