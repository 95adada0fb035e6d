import { spawn } from 'node:child_process'
import { ROOT } from './paths'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs a command in the project root and collects its output; never throws on exit code. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
    child.on('error', reject)
    child.on('close', code => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

/** Builds the deck with the project's own Slidev into outDir. */
export async function buildDeck(outDir: string, extra: string[] = []): Promise<void> {
  const res = await run('npx', ['slidev', 'build', '--out', outDir, ...extra])
  if (res.code !== 0)
    throw new Error(`slidev build ${extra.join(' ')} failed (exit ${res.code}):\n${res.stdout}\n${res.stderr}`)
}
