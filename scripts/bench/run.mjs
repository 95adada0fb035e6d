// Process helpers for the benchmark: run the repo's own Slidev CLI and time it.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
/** The same @slidev/cli for both decks: the one in the repo's node_modules. */
export const SLIDEV_BIN = join(dirname(require.resolve('@slidev/cli/package.json')), 'bin', 'slidev.mjs')

/**
 * Runs `slidev <args>` in cwd; resolves with exit code, wall seconds and the output tail.
 * @param {string} cwd
 * @param {string[]} args
 * @returns {Promise<{ code: number, seconds: number, out: string }>}
 */
export function slidev(cwd, args) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint()
    const child = spawn(process.execPath, [SLIDEV_BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
    let out = ''
    const keep = (/** @type {Buffer} */ d) => { out = (out + d.toString()).slice(-4000) }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', err => resolve({ code: 1, seconds: 0, out: String(err) }))
    child.on('close', code => resolve({ code: code ?? 1, seconds: Number(process.hrtime.bigint() - start) / 1e9, out }))
  })
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @returns {Promise<string | undefined>} stdout, or undefined when the command fails
 */
export function capture(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    child.stdout.on('data', d => { out += d.toString() })
    child.on('error', () => resolve(undefined))
    child.on('close', code => resolve(code === 0 ? out : undefined))
  })
}

/** @param {(number | undefined)[]} xs */
export function median(xs) {
  const s = /** @type {number[]} */ (xs.filter(x => Number.isFinite(x))).sort((a, b) => a - b)
  if (!s.length)
    return Number.NaN
  const m = Math.floor(s.length / 2)
  const at = (/** @type {number} */ i) => s[i] ?? Number.NaN
  return s.length % 2 ? at(m) : (at(m - 1) + at(m)) / 2
}
