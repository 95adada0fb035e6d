import type { IndexHtmlTransformResult, Plugin, ResolvedConfig } from 'vite'
import { describe, expect, it, vi } from 'vitest'
import { deckLink, deckUrl } from '../../plugins/deck-link.ts'
import { ROOT } from '../../scripts/lib.mjs'

// The head Slidev 52.20 writes for an `info` of two lines and an `author` (the build test reads
// the real one): each value through JSON.stringify, so in quotes and with a literal \n.
const SLIDEV_HEAD = `<meta name="description" content="&quot;A talk on the thaw\\nand what to do. Built from &quot;The Ball&quot;.\\n&quot;">
<meta name="author" content="&quot;Washington&#039;s Court team&quot;">
<meta property="og:description" content="&quot;A talk on the thaw\\nand what to do.\\n&quot;">`

/** The plugin's hooks as `slidev build` runs them; `warn` collects what it prints. */
async function build(env: NodeJS.ProcessEnv, command: 'build' | 'serve' = 'build') {
  const plugin = deckLink(ROOT, env) as Required<Pick<Plugin, 'config' | 'configResolved' | 'transformIndexHtml'>>
  const warn = vi.fn()
  const config = await (plugin.config as (c: object, e: object) => Promise<{ define: Record<string, string> }>)({}, { command })
  await (plugin.configResolved as (c: Partial<ResolvedConfig>) => Promise<void>)({ root: ROOT, base: '/wc/', command, build: { outDir: 'dist' } as ResolvedConfig['build'], logger: { warn } as unknown as ResolvedConfig['logger'] })
  const out = (plugin.transformIndexHtml as (h: string, c: object) => IndexHtmlTransformResult)(SLIDEV_HEAD, {}) as { html: string, tags: { attrs: Record<string, string> }[] }
  const meta = Object.fromEntries(out.tags.map(t => [t.attrs.property ?? t.attrs.name, t.attrs.content]))
  return { define: config.define, html: out.html, meta, warn }
}

describe('deckUrl', () => {
  it('takes the address with or without its trailing slash, and nothing when unset', () => {
    expect(deckUrl('https://example.org/wc')).toBe('https://example.org/wc/')
    expect(deckUrl('https://user.github.io/')).toBe('https://user.github.io/')
    expect(deckUrl('')).toBe('')
    expect(deckUrl(undefined)).toBe('')
  })

  it('stops on a value that is not an http(s) address, naming it', () => {
    expect(() => deckUrl('example.org/wc')).toThrow('DECK_URL=example.org/wc is not the deck\'s address')
    expect(() => deckUrl('/wc/')).toThrow('DECK_URL=/wc/')
  })
})

describe('deckLink', () => {
  it('writes description and author without the quotes and \\n, keeping the text', async () => {
    const { html } = await build({})
    expect(html).toContain('<meta name="description" content="A talk on the thaw and what to do. Built from &quot;The Ball&quot;.">')
    expect(html).toContain('<meta name="author" content="Washington&#039;s Court team">')
    expect(html).toContain('<meta property="og:description" content="A talk on the thaw and what to do.">')
  })

  it('without DECK_URL: a card image under the base, no og:url, no QR code or address for the slide', async () => {
    const { meta, define } = await build({ CHROMIUM_PATH: process.execPath }) // any file: the plugin only looks it up here
    expect(meta).toMatchObject({ 'og:image': '/wc/og-image.png', 'og:image:width': '1200', 'og:image:height': '630', 'twitter:card': 'summary_large_image' })
    expect(meta['og:url']).toBeUndefined()
    expect(define['import.meta.env.VITE_DECK_URL']).toBe('""')
    expect(define['import.meta.env.VITE_DECK_QR']).toBe('""')
  })

  it('with DECK_URL: the card image and og:url absolute, and a QR code for the slide', async () => {
    const { meta, define } = await build({ DECK_URL: 'https://example.org/wc', CHROMIUM_PATH: process.execPath })
    expect(meta).toMatchObject({ 'og:url': 'https://example.org/wc/', 'og:image': 'https://example.org/wc/og-image.png' })
    expect(JSON.parse(define['import.meta.env.VITE_DECK_URL']!)).toBe('https://example.org/wc/')
    expect(decodeURIComponent(JSON.parse(define['import.meta.env.VITE_DECK_QR']!))).toMatch(/^data:image\/svg\+xml,<svg [^>]*viewBox/)
  })

  it('with no Chromium: one line on the build output, no og:image, a small card', async () => {
    const { meta, warn } = await build({ CHROMIUM_PATH: '/nowhere/chromium' })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toMatch(/^deck-link: no link-preview image in this build \(og:image left out\)\. CHROMIUM_PATH=\/nowhere\/chromium points at nothing/)
    expect(Object.keys(meta).filter(k => k.startsWith('og:image'))).toEqual([])
    expect(meta['twitter:card']).toBe('summary')
  })

  it('offers the PDF and the handout only in `npm run build:site`, never in dev or export', async () => {
    const files = (d: Record<string, string>) => [d['import.meta.env.VITE_DECK_PDF'], d['import.meta.env.VITE_DECK_HANDOUT']].map(v => JSON.parse(v!))
    expect(files((await build({ npm_lifecycle_event: 'build:site' })).define)).toEqual(['washingtons-court.pdf', 'washingtons-court-handout.pdf'])
    expect(files((await build({ npm_lifecycle_event: 'build' })).define)).toEqual(['', ''])
    expect(files((await build({ npm_lifecycle_event: 'build:site' }, 'serve')).define)).toEqual(['', ''])
  })
})
