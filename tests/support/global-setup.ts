import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildDeck } from './run'
import { CACHE_DIR } from './paths'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The deck built once for all deck tests, at the root base path. */
    distDir: string
    /** A scratch folder of this test run's own (exports, other builds); removed afterwards. */
    runDir: string
  }
}

// One build shared by every deck test: a Slidev build takes tens of seconds on two cores.
// Each run gets its own folder, so two runs at once never overwrite each other's build.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await mkdir(CACHE_DIR, { recursive: true })
  const runDir = await mkdtemp(join(CACHE_DIR, 'run-'))
  const distDir = join(runDir, 'dist')
  await buildDeck(distDir)
  project.provide('distDir', distDir)
  project.provide('runDir', runDir)
  return async () => {
    if (!process.env.KEEP_TEST_OUTPUT)
      await rm(runDir, { recursive: true, force: true })
  }
}
