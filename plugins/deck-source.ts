import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// What Slidev reads from a deck: slides.md, index.html, the global layers (*.vue at the root) and
// these folders. The README, tests and scripts never reach the audience and must not count.
const DIRS = ['components', 'layouts', 'pages', 'setup', 'snippets', 'styles']
const TEXT = /\.(?:md|vue|ts|json|ya?ml|html|css)$/

/** The deck's own source text, concatenated: where the build looks for characters and features. */
export function deckSource(root: string): string {
  const files = ['slides.md', 'index.html', ...readdirSync(root).filter(f => f.endsWith('.vue'))]
  for (const dir of DIRS.filter(d => existsSync(join(root, d))))
    files.push(...readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map(f => join(dir, f)))
  return files.filter(f => TEXT.test(f) && existsSync(join(root, f))).map(f => readFileSync(join(root, f), 'utf8')).join('\n')
}
