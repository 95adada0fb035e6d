// What the static hosts rely on in the build and in the hosting files. The browser side of it
// (deep links with either fallback, under a sub-path) is in subpath.test.ts and deck.test.ts.
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { ROOT } from '../support/paths'

const distDir = inject('distDir')

describe('the build, as static hosts need it', () => {
  it('has a 404.html identical to index.html, for GitHub Pages deep links', async () => {
    const [index, notFound] = await Promise.all([readFile(join(distDir, 'index.html'), 'utf8'), readFile(join(distDir, '404.html'), 'utf8')])
    expect(notFound).toBe(index)
  })

  it('has a _redirects SPA rule (Netlify, Cloudflare Pages) and a .nojekyll', async () => {
    expect(await readFile(join(distDir, '_redirects'), 'utf8')).toMatch(/^\/\*\s+\/index\.html\s+200$/m)
    expect((await stat(join(distDir, '.nojekyll'))).isFile()).toBe(true)
  })
})

describe('hosting files', () => {
  it('netlify.toml builds into dist and rewrites unknown paths to index.html with 200', async () => {
    const toml = await readFile(join(ROOT, 'netlify.toml'), 'utf8')
    expect(toml).toMatch(/^\s*publish\s*=\s*"dist"/m)
    expect(toml).toMatch(/^\s*command\s*=\s*"npm run build(?::without-notes)?"/m)
    expect(toml).toMatch(/\[\[redirects\]\]\s*\n\s*from\s*=\s*"\/\*"\s*\n\s*to\s*=\s*"\/index\.html"\s*\n\s*status\s*=\s*200/)
  })

  it('the Pages workflow sets the base path once and builds with it', async () => {
    const yml = await readFile(join(ROOT, '.github', 'workflows', 'pages.yml'), 'utf8')
    expect(yml.match(/DECK_BASE=/g)).toHaveLength(1)
    expect(yml).toMatch(/npm run build(?::without-notes)? -- --base "\$DECK_BASE"/)
    expect(yml).toMatch(/actions\/deploy-pages@/)
  })
})
