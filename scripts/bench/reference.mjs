// The yardstick: a plain Slidev deck with as many slides as ours (a heading, three bullets and
// notes each), default theme, no web fonts, local favicon, so it is offline like our deck.
// It lives inside the repo (under the git-ignored .cache/) so that it resolves the very same
// @slidev/cli from the repo's node_modules.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** @param {number} n slide number, 1-based */
function slide(n) {
  return [
    `# Slide ${n}: a plain heading`,
    '',
    `- The first point of slide ${n}, one line of text`,
    `- The second point of slide ${n}, one line of text`,
    `- The third point of slide ${n}, one line of text`,
    '',
    '<!--',
    `Speaker notes for slide ${n}: two sentences a speaker would read. Nothing else.`,
    '-->',
  ].join('\n')
}

/**
 * Writes the reference deck into `dir` (replacing what was there).
 * @param {string} dir
 * @param {number} slides
 * @param {string} favicon path of a local favicon to copy into public/
 */
export async function writeReferenceDeck(dir, slides, favicon) {
  await rm(dir, { recursive: true, force: true })
  await mkdir(join(dir, 'public'), { recursive: true })
  await copyFile(favicon, join(dir, 'public', 'favicon.svg'))
  const headmatter = [
    '---',
    'theme: default',
    'title: Reference deck',
    'favicon: /favicon.svg',
    'fonts:',
    '  provider: none',
    '---',
    '',
  ].join('\n')
  const body = Array.from({ length: slides }, (_, i) => slide(i + 1)).join('\n\n---\n\n')
  await writeFile(join(dir, 'slides.md'), `${headmatter}\n${body}\n`)
  // A package.json marks the folder as its own project root for Slidev; dependencies still
  // resolve from the repo's node_modules above it.
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-reference', private: true, type: 'module' }, null, 2)}\n`)
}
