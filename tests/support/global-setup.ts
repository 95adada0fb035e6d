import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildDeck } from './run'
import { CACHE_DIR } from './paths'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The deck built once for all deck tests, at the root base path. */
    distDir: string
  }
}

// One build shared by every deck test: a Slidev build takes tens of seconds on two cores.
export default async function setup(project: TestProject): Promise<void> {
  const distDir = join(CACHE_DIR, 'dist')
  await rm(distDir, { recursive: true, force: true })
  await buildDeck(distDir)
  project.provide('distDir', distDir)
}
