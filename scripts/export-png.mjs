#!/usr/bin/env node
// `npm run export:png [-- --output dir] [other slidev export flags]`: one PNG per slide, at twice
// the slide size (1960 px wide) so they stay sharp in a document or a post, into
// exports/washingtons-court-png/ (Slidev empties that folder first, so it is never exports/ itself).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const extra = process.argv.slice(2)
const outFlag = extra.findIndex(a => a.startsWith('--output'))
const DEFAULT_OUTPUT = 'exports/washingtons-court-png'
const output = outFlag < 0
  ? DEFAULT_OUTPUT
  : extra[outFlag]?.includes('=') ? extra[outFlag].split('=')[1] : extra[outFlag + 1]
const args = [
  join(here, 'export.mjs'),
  '--format', 'png',
  '--scale', '2',
  ...(outFlag < 0 ? ['--output', DEFAULT_OUTPUT] : []),
  ...extra,
]

const pngs = () => {
  try {
    return readdirSync(resolve(root, output ?? '')).filter(f => f.endsWith('.png')).length
  }
  catch {
    return 0
  }
}

// Slidev's exporter takes its screenshots once the network is idle, without waiting for the
// slides; if the dev server is still re-bundling dependencies then, it finds no slide, writes
// nothing and exits 0. Check the count, try once more, and fail loudly rather than quietly.
const { load } = await import('@slidev/parser/fs')
const expected = extra.some(a => a.startsWith('--range')) ? 1 : (await load({ roots: [root], userRoot: root }, join(root, 'slides.md'))).slides.length
for (let attempt = 1; ; attempt++) {
  const res = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (res.status !== 0)
    process.exit(res.status ?? 1)
  const got = pngs()
  if (got >= expected)
    break
  if (attempt === 2) {
    console.error(`export:png wrote ${got} PNG(s) to ${output}, expected ${expected}: the slides did not render in time.`)
    process.exit(1)
  }
  console.error(`export:png wrote ${got} PNG(s), expected ${expected}; the page was not ready. Trying once more.`)
}
