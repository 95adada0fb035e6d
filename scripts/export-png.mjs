#!/usr/bin/env node
// `npm run export:png [-- --output dir] [other slidev export flags]`: one PNG per slide, at twice
// the slide size (1960 px wide) so they stay sharp in a document or a post, into
// exports/washingtons-court-png/ (Slidev empties that folder first, so it is never exports/ itself).
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const extra = process.argv.slice(2)
const args = [
  join(here, 'export.mjs'),
  '--format', 'png',
  '--scale', '2',
  ...(extra.some(a => a.startsWith('--output')) ? [] : ['--output', 'exports/washingtons-court-png']),
  ...extra,
]
const child = spawn(process.execPath, args, { stdio: 'inherit' })
child.on('exit', code => process.exit(code ?? 1))
