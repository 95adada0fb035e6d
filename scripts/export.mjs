#!/usr/bin/env node
// `npm run export [-- extra slidev export flags]`: PDF into exports/ with a system Chromium.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join, resolve } from 'node:path'
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
const outIndex = extra.findIndex(a => a.startsWith('--output'))
const output = outIndex < 0
  ? 'exports/washingtons-court'
  : (extra[outIndex]?.includes('=') ? extra[outIndex]?.split('=')[1] : extra[outIndex + 1]) ?? ''
const fmtIndex = extra.findIndex(a => a.startsWith('--format'))
const format = fmtIndex < 0 ? 'pdf' : (extra[fmtIndex]?.includes('=') ? extra[fmtIndex]?.split('=')[1] : extra[fmtIndex + 1])
const args = [
  'slidev', 'export',
  '--executable-path', chromium,
  '--timeout', String(EXPORT_TIMEOUT_MS),
  ...(outIndex < 0 ? ['--output', output] : []),
  ...extra,
]
// Its own Vite dependency cache (read by vite.config.ts): a dev server or test build running at
// the same time re-bundles the shared one and answers the print page with "504 Outdated
// Optimize Dep", which Slidev prints as blank pages while still exiting 0.
const env = { ...process.env, DECK_VITE_CACHE_DIR: join(root, 'node_modules', '.vite', 'export') }

/**
 * Pages of the PDF with no text at all (every slide has a heading), or undefined when poppler's
 * pdftotext is not installed and the check cannot be made.
 * @param {string} pdf
 * @returns {number[] | undefined}
 */
function blankPages(pdf) {
  const res = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  if (res.error)
    return undefined
  const pages = res.stdout.split('\f').slice(0, -1)
  if (pages.length === 0)
    return [1]
  return pages.flatMap((text, i) => (text.trim() === '' ? [i + 1] : []))
}

// Slidev prints once the network has been idle, which on a busy machine can come before the
// slides render: the PDF then has every page blank and the exit code is still 0. Check, and try
// once more before failing loudly.
for (let attempt = 1; ; attempt++) {
  const res = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env })
  if (res.status !== 0)
    process.exit(res.status ?? 1)
  if (format !== 'pdf')
    break
  const pdf = resolve(root, output.endsWith('.pdf') ? output : `${output}.pdf`)
  const blank = blankPages(pdf)
  if (!blank || blank.length === 0)
    break
  if (attempt === 2) {
    console.error(`export: ${pdf} has blank pages (${blank.join(', ')}); the slides did not render in time.`)
    process.exit(1)
  }
  console.error(`export: pages ${blank.join(', ')} came out blank; exporting once more.`)
}
