import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SLIDES_MD = join(ROOT, 'slides.md')
/** Where the deck tests put their builds and exports; ignored by git. */
export const CACHE_DIR = join(ROOT, '.cache', 'tests')
