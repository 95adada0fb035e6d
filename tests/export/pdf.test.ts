// The real exports, read back with poppler: the PDF (whole, a range, dark), the PNGs and the
// speaker notes, and what a failed export does. Each export runs once per test run (30–90 s
// each) and every check reads it.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { readdir, readFile, writeFile, copyFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { COUNTRY_VAR } from '../../components/ChartCanvas.vue'
import { seriesById } from '../../snippets/series'
import type { SeriesId } from '../../snippets/series'
import { launchChromium, pdfFonts, pdfPages, pdfPageTexts, run, serveStatic } from '../../scripts/lib.mjs'
import type { RunResult, StaticServer } from '../../scripts/lib.mjs'
import { chartSlides, loadDeck } from '../support/deck'
import { containsOpening, shownHeading, waitForCharts } from '../support/deck-page'

// Page pixels rendered with pdftoppm, for "what is drawn here" checks.
/** Pixels row by row, `channels` bytes each: 3 (RGB, a PDF page) or 4 (RGBA, a canvas). */
interface Image { width: number, height: number, channels: number, pixels: ArrayLike<number> }
/** A box as fractions (0–1) of the image's width and height. */
interface Box { x: number, y: number, w: number, h: number }

/** Renders page `page` (1-based) at `dpi` with pdftoppm. */
function renderPage(pdf: string, page: number, dpi = 96): Image {
  const dir = mkdtempSync(join(tmpdir(), 'pdfpage-'))
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, join(dir, 'p')])
    const buf = readFileSync(join(dir, 'p.ppm'))
    // Binary PPM: "P6", width, height, maxval, one whitespace, then the pixels.
    const m = /^P6\s+(\d+)\s+(\d+)\s+\d+\s/.exec(buf.subarray(0, 64).toString('latin1'))
    if (!m)
      throw new Error(`pdftoppm wrote no image for page ${page} of ${pdf}`)
    return { width: Number(m[1]), height: Number(m[2]), channels: 3, pixels: buf.subarray(m[0].length) }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Mean brightness of a page (0–255): light pages are near 255, dark ones near 0. */
function meanGray(img: Image): number {
  let sum = 0
  for (let i = 0; i < img.pixels.length; i++) sum += img.pixels[i]!
  return sum / img.pixels.length
}

/**
 * Where a colour is drawn inside `box`: the cells of a 20 × 10 grid over it in which at least 3%
 * of the pixels are within 48 (RGB distance) of `rgb`. Comparing these cells between a chart as
 * the browser draws it and the same chart on a PDF page shows bars that are missing or lines
 * that lie flat, where a mere "not blank" would pass. Self-contained, so it also runs in a page.
 */
function colourCells(img: Image, box: Box, rgb: readonly number[]): number[] {
  const [cols, rows] = [20, 10]
  const hits = new Array<number>(cols * rows).fill(0)
  const sizes = new Array<number>(cols * rows).fill(0)
  const [x0, y0] = [Math.floor(box.x * img.width), Math.floor(box.y * img.height)]
  const [w, h] = [Math.max(1, Math.floor(box.w * img.width)), Math.max(1, Math.floor(box.h * img.height))]
  for (let y = y0; y < Math.min(img.height, y0 + h); y++) {
    for (let x = x0; x < Math.min(img.width, x0 + w); x++) {
      const cell = Math.min(rows - 1, Math.floor(((y - y0) / h) * rows)) * cols + Math.min(cols - 1, Math.floor(((x - x0) / w) * cols))
      const p = (y * img.width + x) * img.channels
      const opaque = img.channels < 4 || img.pixels[p + 3]! > 200
      sizes[cell]!++
      if (opaque && Math.hypot(img.pixels[p]! - rgb[0]!, img.pixels[p + 1]! - rgb[1]!, img.pixels[p + 2]! - rgb[2]!) <= 48)
        hits[cell]!++
    }
  }
  return hits.flatMap((n, i) => (n > 0 && n >= 0.03 * sizes[i]! ? [i] : []))
}

const out = join(inject('runDir'), 'export')
const pdf = join(out, 'deck.pdf')
const darkPdf = join(out, 'deck-dark.pdf')
const { slides } = await loadDeck()
const charts = chartSlides(slides)

/**
 * Runs an npm script as a person would. Without vitest's NODE_ENV=test: Vite folds NODE_ENV into
 * its dependency-cache hash, and a cache built under another one is re-bundled mid-load.
 */
const npmRun = (script: string, ...args: string[]) => run('npm', ['run', '--silent', script, '--', ...args], { NODE_ENV: undefined })
const headingsMissing = (pages: string[], from = 1) => slides.slice(from - 1, from - 1 + pages.length)
  .filter(s => shownHeading(s) && !containsOpening(pages[s.no - from]!, shownHeading(s), 20))
  .map(s => `page ${s.no - from + 1}: "${shownHeading(s)}"`)
const oneLine = (res: RunResult) => {
  expect(res.code).not.toBe(0)
  expect(res.stderr.trim().split('\n'), res.stderr).toHaveLength(1)
  return res.stderr.trim()
}

describe('npm run export', () => {
  let exported: RunResult
  beforeAll(async () => {
    exported = await npmRun('export', '--output', pdf)
  })

  it('exits 0 and writes one page per slide, each slide\'s heading as selectable text on its page', () => {
    expect(exported.code, exported.stderr).toBe(0)
    expect(pdfPages(pdf)).toBe(slides.length)
    expect(headingsMissing(pdfPageTexts(pdf))).toEqual([])
    // The speaker's pacing line and timer buttons stay out of print.
    expect(pdfPageTexts(pdf).join('\n')).not.toMatch(/timer not started|plan \d+:\d\d–|Start the timer/)
  })

  it('embeds every font', () => {
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter(f => !f.embedded).map(f => f.name)).toEqual([])
  })
})

describe('npm run export:dark', () => {
  let exported: RunResult
  beforeAll(async () => {
    exported = await npmRun('export:dark', '--output', darkPdf)
  })

  it('writes one page per slide, in dark colours, with the text and every font', () => {
    expect(exported.code, exported.stderr).toBe(0)
    expect(pdfPages(darkPdf)).toBe(slides.length)
    // Compare each page with the light export: the dark one is clearly darker.
    const lighter = slides.filter(s => meanGray(renderPage(darkPdf, s.no, 18)) > meanGray(renderPage(pdf, s.no, 18)) - 60)
    expect(lighter.map(s => `page ${s.no}`)).toEqual([])
    expect(headingsMissing(pdfPageTexts(darkPdf))).toEqual([])
    expect(pdfFonts(darkPdf).filter(f => !f.embedded).map(f => f.name)).toEqual([])
  })
})

/** A chart canvas on its slide (as fractions of the slide) and, per series, its colour and where the browser draws it. */
interface ChartRef { box: Box, series: { name: string, rgb: number[], cells: number[] }[] }

describe.skipIf(charts.length === 0)('charts in the PDF, light and dark', () => {
  // Each chart as the built deck draws it in print mode (all clicks shown, no animation) in
  // Chromium, in both schemes: where each series' own colour is (bars, lines, points).
  const refs = { light: new Map<number, ChartRef[]>(), dark: new Map<number, ChartRef[]>() }
  let browser: Browser
  const cellsOf = `(${colourCells.toString()})`
  async function measure(scheme: 'light' | 'dark', no: number): Promise<ChartRef[]> {
    const page = await browser.newPage({ viewport: { width: 980, height: 551 }, colorScheme: scheme })
    await page.goto(`${server.url}${no}?print`, { waitUntil: 'networkidle' })
    await waitForCharts(page, no)
    const id = /\bseries="([\w-]+)"/.exec(slides[no - 1]!.content)?.[1]
    const vars = id ? seriesById(id as SeriesId).datasets.map(d => COUNTRY_VAR[d.country].slice(4, -1)) : []
    const found = await page.locator(`#slideshow .slidev-page-${no}`).evaluate((slide, [cellsSrc, names]) => {
      const cells = (0, eval)(cellsSrc) as typeof colourCells
      const r = slide.getBoundingClientRect()
      return [...slide.querySelectorAll('canvas')].filter(c => c.width).map((c) => {
        const b = c.getBoundingClientRect()
        const img = { width: c.width, height: c.height, channels: 4, pixels: c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data }
        return {
          box: { x: (b.left - r.left) / r.width, y: (b.top - r.top) / r.height, w: b.width / r.width, h: b.height / r.height },
          series: names.map((name) => {
            const hex = getComputedStyle(c).getPropertyValue(name).trim().replace('#', '')
            const rgb = [0, 2, 4].map(i => Number.parseInt(hex.slice(i, i + 2), 16))
            return { name, rgb, cells: cells(img, { x: 0, y: 0, w: 1, h: 1 }, rgb) }
          }),
        }
      })
    }, [cellsOf, [...new Set(vars)]] as const)
    await page.close()
    return found
  }
  let server: StaticServer
  beforeAll(async () => {
    server = await serveStatic(inject('distDir'))
    browser = await launchChromium()
    for (const scheme of ['light', 'dark'] as const) {
      for (const s of charts)
        refs[scheme].set(s.no, await measure(scheme, s.no))
    }
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** Per chart and series, what share of the cells holding its colour in the browser hold it on the PDF page too. */
  function problems(file: string, scheme: 'light' | 'dark'): string[] {
    return charts.flatMap((s) => {
      const list = refs[scheme].get(s.no) ?? []
      const page = renderPage(file, s.no)
      return (list.length ? list : [{ box: undefined, series: [] }]).flatMap(({ box, series }) => series.length && box
        ? series.map(({ name, rgb, cells }) => {
          const onPage = new Set(colourCells(page, box, rgb))
          const kept = cells.filter(c => onPage.has(c)).length / cells.length
          return cells.length < 3 ? `slide ${s.no}: ${name} (${rgb}) is hardly drawn in the browser either` : kept < 0.8 ? `page ${s.no}: ${name} (${rgb}) in ${(kept * 100).toFixed(0)}% of the places the browser draws it` : ''
        }).filter(Boolean)
        : [`slide ${s.no}: no chart canvas with series colours to compare in the built deck`])
    })
  }

  it('draws each series in its own colour where the browser draws it, in the light PDF', () => {
    expect(problems(pdf, 'light')).toEqual([])
  })

  it('and in the dark PDF, in the dark palette', () => {
    expect(problems(darkPdf, 'dark')).toEqual([])
  })

  it('the check can see a chart caught mid-animation', async () => {
    // The same slide without print mode, read at the first frame chart.js draws.
    const no = charts[0]!.no
    const page = await browser.newPage({ viewport: { width: 980, height: 551 } })
    await page.addInitScript((n) => {
      const grab = () => {
        const c = document.querySelector<HTMLCanvasElement>(`#slideshow .slidev-page-${n} canvas`)
        const data = c?.width ? c.getContext('2d')!.getImageData(0, 0, c.width, c.height) : undefined
        if (data?.data.some((v, i) => i % 4 === 3 && v > 0))
          Object.assign(window, { __first: { width: data.width, height: data.height, channels: 4, pixels: [...data.data] } })
        else requestAnimationFrame(grab)
      }
      requestAnimationFrame(grab)
    }, no)
    await page.goto(`${server.url}${no}`, { waitUntil: 'networkidle' })
    const first = await page.waitForFunction(() => (window as unknown as { __first?: Image }).__first).then(h => h.jsonValue()) as Image
    await page.close()
    const ref = refs.light.get(no)![0]!
    const kept = ref.series.map(({ rgb, cells }) => {
      const early = new Set(colourCells(first, { x: 0, y: 0, w: 1, h: 1 }, rgb))
      return cells.filter(c => early.has(c)).length / cells.length
    })
    expect(Math.min(...kept)).toBeLessThan(0.8)
  })
})

describe('npm run export -- --range 3-5', () => {
  it('writes exactly those three slides, named for the range so the full PDF stays', async () => {
    const dir = join(out, 'range')
    const res = await run('npm', ['run', '--silent', 'export', '--', '--range', '3-5'], { NODE_ENV: undefined, DECK_EXPORTS: dir })
    expect(res.code, res.stderr).toBe(0)
    expect(await readdir(dir)).toEqual(['washingtons-court-3-5.pdf'])
    const file = join(dir, 'washingtons-court-3-5.pdf')
    expect(pdfPages(file)).toBe(3)
    expect(headingsMissing(pdfPageTexts(file), 3)).toEqual([])
  })
})

describe('npm run export:png', () => {
  it('writes one 16:9 PNG per slide, at twice the slide size', async () => {
    const dir = join(out, 'png')
    const res = await npmRun('export:png', '--output', dir)
    expect(res.code, res.stderr).toBe(0)
    const files = (await readdir(dir)).filter(f => f.endsWith('.png'))
    expect(files.map(f => Number.parseInt(f, 10)).sort((a, b) => a - b)).toEqual(slides.map(s => s.no))
    for (const f of files) {
      const png = await readFile(join(dir, f))
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)]
      expect(w, f).toBeGreaterThanOrEqual(1920)
      expect(w / h, f).toBeCloseTo(16 / 9, 1)
    }
  })
})

describe('npm run export:notes', () => {
  it('writes a PDF with every slide\'s notes as text, fonts embedded', async () => {
    const file = join(out, 'notes.pdf')
    const res = await npmRun('export:notes', '--output', file)
    expect(res.code, res.stderr).toBe(0)
    const text = pdfPageTexts(file).join('\n')
    expect(slides.filter(s => s.note && !containsOpening(text, s.note)).map(s => `slide ${s.no}`)).toEqual([])
    expect(pdfFonts(file).filter(f => !f.embedded).map(f => f.name)).toEqual([])
  })
})

describe('a failed export', () => {
  it('leaves the previous PDF byte for byte, and says what the page showed', async () => {
    // A deck whose second slide throws while rendering; its output path holds the good PDF.
    const deck = join(inject('runDir'), 'broken')
    await mkdir(deck, { recursive: true })
    await writeFile(join(deck, 'slides.md'), '---\ntitle: Broken\n---\n\n# One\n\n---\n\n# Two\n\n{{ $nav.nothing.here }}\n')
    const kept = join(out, 'kept.pdf')
    await copyFile(pdf, kept)
    const before = await readFile(kept)
    const res = await run('node', ['scripts/export.mjs', '--entry', join(deck, 'slides.md'), '--output', kept], { NODE_ENV: undefined })
    expect(res.code).not.toBe(0)
    expect(res.stderr).toMatch(/^export: .*(TypeError|here)/m)
    expect((await readFile(kept)).equals(before)).toBe(true)
    expect((await readdir(out)).filter(f => f.includes('partial'))).toEqual([])
  })

  it('with CHROMIUM_PATH pointing at nothing: one line naming the variable, for every export', async () => {
    for (const script of ['scripts/export.mjs', 'scripts/handout.mjs'])
      expect(oneLine(await run('node', [script], { CHROMIUM_PATH: '/nonexistent' }))).toMatch(/CHROMIUM_PATH=\/nonexistent points at nothing/)
  })

  it('with a file where the exports folder should be: one line, before rendering', async () => {
    const blocker = join(out, 'not-a-folder')
    await writeFile(blocker, 'a file')
    const res = await run('node', ['scripts/export.mjs', '--output', join(blocker, 'deck.pdf')])
    expect(oneLine(res)).toMatch(/not-a-folder is a file, not a folder/)
  })

  it('with flags that cannot work together, or a timeout that is not a number: one line each, before rendering', async () => {
    for (const [flags, named] of [[['--format', 'png'], '--format png'], [['--range', '3-5'], '--range'], [['--with-clicks'], '--with-clicks']] as const)
      expect(oneLine(await run('node', ['scripts/export.mjs', '--notes', ...flags]))).toContain(`--notes prints every slide's notes as one PDF: leave out ${named}`)
    expect(oneLine(await run('node', ['scripts/export.mjs', '--timeout', '3min']))).toMatch(/--timeout must be milliseconds, not "3min"/)
  })
})
