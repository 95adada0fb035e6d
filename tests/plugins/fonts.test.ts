import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { preprocessCSS, resolveConfig } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { deckSource } from '../../plugins/deck-source.ts'
import { codePoints, featuresUsed, fontFaceTrim, parseUnicodeRange, toUnicodeRange } from '../../plugins/fonts.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const fontsource = (file: string) => createRequire(join(ROOT, 'package.json')).resolve(`@fontsource/${file}`)
const scratch = mkdtempSync(join(tmpdir(), 'deck-fonts-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Every code point a unicode-range covers. */
const expand = (ranges: [number, number][]) => ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i))

describe('unicode-range', () => {
  it('parses single code points, spans and wildcards, in any case and spacing', () => {
    expect(parseUnicodeRange('U+41')).toEqual([[0x41, 0x41]])
    expect(parseUnicodeRange('U+0-FF')).toEqual([[0, 0xFF]])
    expect(parseUnicodeRange('U+4??')).toEqual([[0x400, 0x4FF]])
    expect(parseUnicodeRange('u+0301, U+0400-045F,U+1F600')).toEqual([[0x301, 0x301], [0x400, 0x45F], [0x1F600, 0x1F600]])
  })

  it('writes sorted code points as runs and single points', () => {
    expect(toUnicodeRange([0x41, 0x42, 0x43, 0x45, 0xAC00, 0x1F600])).toBe('U+41-43,U+45,U+AC00,U+1F600')
    expect(toUnicodeRange([0x2013])).toBe('U+2013')
    expect(toUnicodeRange([])).toBe('')
  })

  it('round-trips every range of a real @fontsource stylesheet (Noto Sans KR\'s 124 slices)', () => {
    const css = readFileSync(fontsource('noto-sans-kr/400.css'), 'utf8')
    const values = [...css.matchAll(/unicode-range:\s*([^;]+);/g)].map(m => m[1]!)
    expect(values.length).toBeGreaterThan(100)
    for (const value of values) {
      const points = [...new Set(expand(parseUnicodeRange(value)))].sort((a, b) => a - b)
      expect(expand(parseUnicodeRange(toUnicodeRange(points)))).toEqual(points)
    }
  })
})

describe('OpenType features kept in the subsets', () => {
  it('keeps the browser defaults and what the deck\'s CSS asks for, and drops the rest', () => {
    const kept = featuresUsed(deckSource(ROOT))
    // Browser defaults; tnum for Slidev's timer and the deck's tabular figures; lnum for BigStat.
    expect(kept).toEqual(expect.arrayContaining(['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'tnum', 'lnum']))
    // Nothing in the deck turns these on.
    for (const tag of ['onum', 'smcp', 'c2sc', 'salt', 'ss01', 'frac', 'dlig'])
      expect(kept).not.toContain(tag)
  })

  it('reads font-variant keywords, utility classes and font-feature-settings tags', () => {
    expect(featuresUsed('.a { font-variant-caps: all-small-caps }')).toEqual(expect.arrayContaining(['smcp', 'c2sc']))
    expect(featuresUsed('<span class="oldstyle-nums">')).toContain('onum')
    expect(featuresUsed('.b { font-feature-settings: "ss01" 1, \'cv11\'; }')).toEqual(expect.arrayContaining(['ss01', 'cv11']))
    expect(featuresUsed('.c { color: red }')).not.toContain('onum')
  })
})

describe('the deck\'s text', () => {
  it('covers every character of slides.md, the CJK names included, plus printable ASCII', () => {
    const used = codePoints(deckSource(ROOT))
    const slides = readFileSync(join(ROOT, 'slides.md'), 'utf8')
    expect(slides).toMatch(/[\uAC00-\uD7A3]/) // Hangul
    expect(slides).toMatch(/[\u3040-\u30FF\u4E00-\u9FFF]/) // kana or kanji
    const missing = [...new Set(slides)].filter(ch => !used.has(ch.codePointAt(0)!))
    expect(missing).toEqual([])
    expect(Array.from({ length: 0x7F - 0x20 }, (_, i) => 0x20 + i).filter(cp => !used.has(cp))).toEqual([])
    expect(used.has('Ж'.codePointAt(0)!)).toBe(false)
  })

  it('is read from what Slidev shows (slides, components, global layers), not the README, tests or scripts', () => {
    const deck = join(scratch, 'deck')
    const files: Record<string, string> = {
      'slides.md': '# slides', 'custom-nav-controls.vue': 'global layer', 'components/Chart.vue': 'component',
      'styles/index.css': 'style', 'README.md': 'README', 'scripts/bench.mjs': 'script', 'tests/a.test.ts': 'test',
    }
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(deck, file)), { recursive: true })
      writeFileSync(join(deck, file), text)
    }
    const source = deckSource(deck)
    for (const text of ['# slides', 'global layer', 'component', 'style'])
      expect(source).toContain(text)
    for (const text of ['README', 'script', 'test'])
      expect(source).not.toContain(text)
  })
})

describe('fontFaceTrim, run by Vite on a real @fontsource stylesheet', () => {
  it('drops faces without the deck\'s characters and the woff fallback, and subsets the rest to them', async () => {
    const file = fontsource('inter/400.css')
    const cacheDir = join(scratch, 'fonts')
    const trim = fontFaceTrim(new Set([0x48, 0x69]), ['kern'], cacheDir) // "Hi"
    const config = await resolveConfig({ configFile: false, logLevel: 'silent', css: { postcss: { plugins: [trim] } } }, 'build')
    const { code } = await preprocessCSS(readFileSync(file, 'utf8'), file, config)

    const faces = code.match(/@font-face\s*\{[^}]*\}/g) ?? []
    expect(faces).toHaveLength(1) // the latin slice; cyrillic, greek, vietnamese and latin-ext are gone
    expect(faces[0]).toContain('unicode-range: U+48,U+69;')
    expect(faces[0]).not.toMatch(/\.woff\)|format\('woff'\)/)
    const url = /url\(([^)]+\.woff2)\)/.exec(faces[0]!)![1]!
    const subset = resolve(dirname(file), url)
    expect(subset.startsWith(cacheDir)).toBe(true)
    expect(readFileSync(subset).subarray(0, 4).toString()).toBe('wOF2')
    const original = join(dirname(file), 'files', 'inter-latin-400-normal.woff2')
    expect(statSync(subset).size).toBeLessThan(statSync(original).size / 4)
  })
})
