#!/usr/bin/env node
// `npm run export [-- extra slidev export flags]`: PDF into exports/ with a system Chromium.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { findChromium, HOW_TO_GET_ONE } from './find-chromium.mjs'

// Per-page render timeout. Slidev's default of 30 s failed 2 of 4 runs on a 2-core machine,
// because the first page waits for the dev server to compile every slide cold; 180 s leaves
// room for that without hiding a real hang for long.
export const EXPORT_TIMEOUT_MS = 180_000

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const chromium = await findChromium()
if (!chromium) {
  console.error(HOW_TO_GET_ONE)
  process.exit(1)
}

const extra = process.argv.slice(2)
const args = [
  'slidev', 'export',
  '--executable-path', chromium,
  '--timeout', String(EXPORT_TIMEOUT_MS),
  ...(extra.some(a => a.startsWith('--output')) ? [] : ['--output', 'exports/washingtons-court']),
  ...extra,
]
const child = spawn('npx', args, { cwd: root, stdio: 'inherit' })
child.on('exit', code => process.exit(code ?? 1))
