// `npm run export:handout`, read back with poppler: one portrait page per slide carrying that
// slide's title and whole speaker notes as text, then the sources appendix, fonts embedded.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { loadDeck } from '../support/deck'
import { containsOpening, words } from '../support/deck-page'
import { pdfFonts, pdfPages, pdfPageTexts, run } from '../../scripts/lib.mjs'
import type { RunResult } from '../../scripts/lib.mjs'
import { sources } from '../../snippets/sources'

const runDir = inject('runDir')
const out = join(runDir, 'handout')
const pngDir = join(out, 'png')
const a4 = join(out, 'handout-a4.pdf')
const letter = join(out, 'handout-letter.pdf')
const { slides } = await loadDeck()

/** Page size in PDF points, rounded. */
function pageSize(pdf: string, page = 1): [number, number] {
  const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' })
  const m = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(info)
  return [Math.round(Number(m?.[1])), Math.round(Number(m?.[2]))]
}

/** True when `haystack` ends a passage with the last `n` words of `needle`, so nothing was cut off. */
function containsEnding(haystack: string, needle: string, n = 12): boolean {
  const want = words(needle).slice(-n).join(' ')
  return want.length > 0 && ` ${words(haystack).join(' ')} `.includes(` ${want} `)
}

describe('npm run export:handout', () => {
  let exported: RunResult
  let pages: string[]

  beforeAll(async () => {
    exported = await run('npm', ['run', '--silent', 'export:handout', '--', '--png-dir', pngDir, '--output', a4], { NODE_ENV: undefined })
    pages = existsSync(a4) ? pdfPageTexts(a4) : []
  })

  it('writes one A4 portrait page per slide, then the sources appendix', () => {
    expect(exported.code, exported.stderr).toBe(0)
    const total = pdfPages(a4)
    expect(total).toBeGreaterThan(slides.length)
    expect(pageSize(a4)).toEqual([595, 842])
    expect(pageSize(a4, total)).toEqual([595, 842])
    // The appendix starts right after the last slide page and runs to the end.
    expect(pages[slides.length]?.trimStart().startsWith('Sources')).toBe(true)
    expect(pages.slice(0, slides.length).filter(p => p.includes('\nSources\n')).length).toBe(0)
  })

  it('puts each slide\'s title and its whole notes on that slide\'s page, as text', () => {
    const wrong: string[] = []
    for (const s of slides) {
      const page = pages[s.no - 1] ?? ''
      const titleLine = new RegExp(`^${s.no}\\. (.*)$`, 'm').exec(page)?.[1] ?? ''
      if (!titleLine || titleLine === `Slide ${s.no}` || /<\/?[a-z][^>]*>/i.test(titleLine))
        wrong.push(`page ${s.no}: title line "${s.no}. ${titleLine}" (none, a stand-in or markup)`)
      if (s.title && !containsOpening(page, s.title, 8))
        wrong.push(`page ${s.no}: title "${s.title}" missing`)
      if (s.note && !(containsOpening(page, s.note) && containsEnding(page, s.note)))
        wrong.push(`page ${s.no}: notes of slide ${s.no} missing or cut off`)
    }
    expect(wrong).toEqual([])
  })

  it('lists every source of the registry in the appendix', () => {
    const appendix = pages.slice(slides.length).join('\n')
    const missing = sources.filter(s => !new RegExp(`\\b${s.id}\\b`).test(appendix) || !containsOpening(appendix, s.publisher, 6))
    expect(missing.map(s => s.id)).toEqual([])
  })

  it('embeds every font', () => {
    const fonts = pdfFonts(a4)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter(f => !f.embedded).map(f => f.name)).toEqual([])
  })

  it('switches to US Letter with --paper letter, same pages', async () => {
    const res = await run('npm', ['run', '--silent', 'export:handout', '--', '--images', pngDir, '--paper', 'letter', '--output', letter], { NODE_ENV: undefined })
    expect(res.code, res.stderr).toBe(0)
    expect(pageSize(letter)).toEqual([612, 792])
    const texts = pdfPageTexts(letter)
    const cut = slides.filter(s => s.note && !containsEnding(texts[s.no - 1] ?? '', s.note)).map(s => s.no)
    expect(cut).toEqual([])
  })
})
