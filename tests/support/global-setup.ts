import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildDeck, ROOT } from '../../scripts/lib.mjs'

/** Where the deck tests put their builds and exports; ignored by git. */
const CACHE_DIR = join(ROOT, '.cache', 'tests')

declare module 'vitest' {
  export interface ProvidedContext {
    /** The deck built once for all deck tests, at the root base path. */
    distDir: string
    /** A scratch folder of this test run's own (exports, other builds); removed afterwards. */
    runDir: string
  }
}

// One build shared by every deck test (a build takes tens of seconds on two cores), in a folder
// of this run's own, so two runs at once never overwrite each other's.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await mkdir(CACHE_DIR, { recursive: true })
  const runDir = await mkdtemp(join(CACHE_DIR, 'run-'))
  await buildDeck(join(runDir, 'dist'))
  project.provide('distDir', join(runDir, 'dist'))
  project.provide('runDir', runDir)
  return () => (process.env.KEEP_TEST_OUTPUT ? Promise.resolve() : rm(runDir, { recursive: true, force: true }))
}
