// Font subsetting for the hosted deck. `slidev build` only: `slidev dev` and `slidev export` (which
// runs the dev server) keep every glyph and feature, so presenting and the PDF are untouched.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { deckSource } from './deck-source.ts'

// Glyphs every subset keeps besides the deck's own text: printable ASCII (slide numbers, the
// timer, anything computed at run time) and common typographic punctuation.
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~'
  + '\u00A0\u00B7\u00D7\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u2190\u2191\u2192\u2193\u2212'
// OpenType features a browser applies unasked (plus Hangul jamo shaping), and tnum: Slidev's own
// timer and page counter use tabular-nums. Stylistic sets and alternates go unless the CSS asks.
const DEFAULT_FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'clig', 'calt', 'rlig', 'rvrn', 'ljmo', 'vjmo', 'tjmo', 'tnum']
// CSS keywords (font-variant-*, and utility classes of the same name) and the features they turn on.
const CSS_FEATURES: Record<string, string> = {
  'tabular-nums': 'tnum', 'lining-nums': 'lnum', 'oldstyle-nums': 'onum', 'proportional-nums': 'pnum',
  'slashed-zero': 'zero', 'diagonal-fractions': 'frac', 'stacked-fractions': 'afrc', 'ordinal': 'ordn',
  'small-caps': 'smcp', 'all-small-caps': 'smcp c2sc', 'petite-caps': 'pcap', 'titling-caps': 'titl',
  'super': 'sups', 'sub': 'subs', 'discretionary-ligatures': 'dlig', 'historical-ligatures': 'hlig',
}

type Subset = (font: Buffer, text: string, options: { targetFormat: 'woff2', keepFeatures: string[] }) => Promise<Buffer>

/** The Vite plugin: the @fontsource faces cut down to the deck's characters and features. */
export function deckFonts(root: string): Plugin {
  const source = deckSource(root)
  const trim = fontFaceTrim(codePoints(source), featuresUsed(source), join(root, 'node_modules', '.cache', 'deck-fonts'))
  return {
    name: 'deck-fonts',
    apply: 'build',
    config: () => ({
      // Vite inlines assets under 4 KB as data: URLs; a small subset inlined would be downloaded
      // with the CSS on every first load instead of only where its glyphs appear.
      build: { assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined) },
      css: { postcss: { plugins: [trim] } },
    }),
  }
}

/** OpenType feature tags to keep in subsets: browser defaults plus what the deck's CSS asks for. */
export function featuresUsed(source: string): string[] {
  const tags = new Set(DEFAULT_FEATURES)
  for (const [keyword, features] of Object.entries(CSS_FEATURES)) {
    if (new RegExp(`\\b${keyword}\\b`).test(source))
      features.split(' ').forEach(f => tags.add(f))
  }
  for (const [, value = ''] of source.matchAll(/font-feature-settings\s*:\s*([^;}]+)/g)) {
    for (const [, tag = ''] of value.matchAll(/["']([\x20-\x7E]{4})["']/g))
      tags.add(tag)
  }
  return [...tags].sort()
}

/** Every code point of `text`, plus the ones every subset keeps. */
export function codePoints(text: string): Set<number> {
  return new Set(Array.from(text + ALWAYS, ch => ch.codePointAt(0)!))
}

/** Parses a CSS unicode-range value (U+41, U+0-FF, U+4??) into inclusive [from, to] pairs. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-')
    return [Number.parseInt(from.replace(/\?/g, '0'), 16), Number.parseInt(to.replace(/\?/g, 'F'), 16)]
  })
}

/** Sorted code points → a compact unicode-range value (runs become spans). */
export function toUnicodeRange(sorted: readonly number[]): string {
  const parts: string[] = []
  const hex = (n: number) => n.toString(16).toUpperCase()
  for (let i = 0, j = 0; i < sorted.length; i = ++j) {
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1)
      j++
    parts.push(j > i ? `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}` : `U+${hex(sorted[i]!)}`)
  }
  return parts.join(',')
}

interface Decl { prop: string, value: string }
interface FontFaceRule { source?: { input?: { file?: string } }, remove: () => void, walkDecls: (fn: (d: Decl) => void) => void }

/**
 * PostCSS plugin for the @fontsource faces, run before Vite resolves their url()s: drops each face
 * with no character of the deck (Noto Sans KR ships 124 slices: ~24 KB gzip of CSS) and the .woff
 * fallbacks (browsers Slidev supports take woff2); subsets each woff2 left to the deck's glyphs and
 * features (about half the bytes; cached by content hash) and narrows its unicode-range to match.
 */
export function fontFaceTrim(used: Set<number>, keepFeatures: string[], cacheDir: string) {
  let subset: Promise<Subset> | undefined
  async function subsetTo(fontPath: string, text: string): Promise<string> {
    const font = readFileSync(fontPath)
    const hash = createHash('sha256').update(font).update(text).update(keepFeatures.join()).digest('hex').slice(0, 10)
    const out = join(cacheDir, `${basename(fontPath, '.woff2')}.${hash}.woff2`)
    if (!existsSync(out)) {
      subset ??= import('subset-font' as string).then(m => (m as { default: Subset }).default) // ships no types
      mkdirSync(cacheDir, { recursive: true })
      writeFileSync(out, await (await subset)(font, text, { targetFormat: 'woff2', keepFeatures }))
    }
    return out
  }
  return {
    postcssPlugin: 'deck-font-face-trim',
    AtRule: {
      'font-face': async (rule: FontFaceRule) => {
        const file = rule.source?.input?.file
        if (!file?.includes('@fontsource'))
          return
        const decls: Decl[] = []
        rule.walkDecls(d => decls.push(d))
        const range = decls.find(d => d.prop === 'unicode-range')
        const ranges = range && parseUnicodeRange(range.value)
        const inFace = [...used].filter(cp => !ranges || ranges.some(([from, to]) => cp >= from && cp <= to)).sort((a, b) => a - b)
        if (!inFace.length)
          return rule.remove()
        if (range)
          range.value = toUnicodeRange(inFace)
        for (const decl of decls.filter(d => d.prop === 'src')) {
          const woff2 = decl.value.split(/,\s*(?=url\()/).filter(s => !/format\(['"]?woff['"]?\)/.test(s))
          const url = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(woff2[0] ?? '')?.[1]
          // Vite may run PostCSS over the same rule twice; a url already in the cache is a subset.
          if (url && !url.startsWith('data:') && !resolve(dirname(file), url).startsWith(cacheDir)) {
            const subsetPath = await subsetTo(resolve(dirname(file), url), String.fromCodePoint(...inFace))
            woff2[0] = woff2[0]!.replace(url, relative(dirname(file), subsetPath).replace(/\\/g, '/'))
          }
          decl.value = woff2.join(', ')
        }
      },
    },
  }
}
