// The real exports, read back with poppler: the PDF (light and dark), the PNGs and the speaker
// notes. Each export runs once per test run (they take 15–40 s each) and every check reads it.
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { chartSlides } from '../support/charts'
import { loadDeck } from '../support/deck'
import { containsOpening, shownHeading } from '../support/deck-page'
import type { Box } from '../support/pdf'
import { inkShare, meanGray, pdfFonts, pdfPages, pdfPageTexts, renderPage } from '../support/pdf'
import { run } from '../support/run'
import { serveStatic } from '../support/static-server'

const runDir = inject('runDir')
const out = join(runDir, 'export')
const pdf = join(out, 'deck.pdf')
const darkPdf = join(out, 'deck-dark.pdf')
const pngDir = join(out, 'png')
const notesPdf = join(out, 'deck-notes.pdf')
const { slides } = await loadDeck()

/**
 * Runs an npm script as a person would. Without vitest's NODE_ENV=test: Vite folds NODE_ENV into
 * its dependency-cache hash, so under "test" the export's dev server re-bundles its deps while
 * Chromium loads the print page, whose imports then fail (504 Outdated Optimize Dep) and the PDF
 * comes out blank, exit 0 — as three runs here did before this.
 */
async function npmRun(script: string, ...args: string[]) {
  return run('npm', ['run', '--silent', script, '--', ...args], { NODE_ENV: undefined })
}

describe('npm run export', () => {
  let exported: Awaited<ReturnType<typeof run>>
  beforeAll(async () => {
    await rm(pdf, { force: true })
    exported = await npmRun('export', '--output', pdf)
  })

  it('exits 0 and writes one PDF page per slide', () => {
    expect(exported.code, exported.stderr).toBe(0)
    expect(pdfPages(pdf)).toBe(slides.length)
  })

  it('embeds every font', () => {
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter(f => !f.embedded).map(f => f.name)).toEqual([])
  })

  it('has each slide\'s heading as selectable text on its own page', () => {
    const pages = pdfPageTexts(pdf)
    expect(pages).toHaveLength(slides.length)
    const missing = slides
      .filter(s => shownHeading(s) && !containsOpening(pages[s.no - 1]!, shownHeading(s), 20))
      .map(s => `page ${s.no}: "${shownHeading(s)}"`)
    expect(missing).toEqual([])
  })

  describe('chart pages', () => {
    const charts = chartSlides(slides)
    // Where each chart's canvas stands on its slide, measured in the built deck in print mode
    // (all clicks shown, as in the PDF), as fractions of the slide.
    const boxes = new Map<number, Box[]>()
    let browser: Browser | undefined
    beforeAll(async () => {
      if (charts.length === 0)
        return
      const server = await serveStatic(inject('distDir'))
      browser = await launchChromium()
      const page = await browser.newPage({ viewport: { width: 980, height: 551 } })
      for (const s of charts) {
        await page.goto(`${server.url}${s.no}?print`, { waitUntil: 'networkidle' })
        const slide = page.locator(`.slidev-page-${s.no}`)
        await slide.locator('canvas').first().waitFor({ timeout: 10_000 }).catch(() => {})
        boxes.set(s.no, await slide.evaluate((el) => {
          const r = el.getBoundingClientRect()
          return [...el.querySelectorAll('canvas')].map((c) => {
            const b = c.getBoundingClientRect()
            return { x: (b.left - r.left) / r.width, y: (b.top - r.top) / r.height, w: b.width / r.width, h: b.height / r.height }
          }).filter(b => b.w > 0 && b.h > 0)
        }))
      }
      await server.close()
    })
    afterAll(() => browser?.close())

    it.skipIf(charts.length === 0)('are not blank where the chart stands', () => {
      const problems: string[] = []
      for (const s of charts) {
        const list = boxes.get(s.no) ?? []
        if (list.length === 0)
          problems.push(`slide ${s.no}: no chart canvas found in the built deck`)
        const img = renderPage(pdf, s.no, 72)
        for (const box of list) {
          const share = inkShare(img, box)
          if (share < 0.02)
            problems.push(`page ${s.no}: chart area ${JSON.stringify(box)} is ${(share * 100).toFixed(2)}% drawn`)
        }
      }
      expect(problems).toEqual([])
    })
  })
})

describe('npm run export -- --dark', () => {
  let exported: Awaited<ReturnType<typeof run>>
  beforeAll(async () => {
    await rm(darkPdf, { force: true })
    exported = await npmRun('export', '--dark', '--output', darkPdf)
  })

  it('writes one page per slide, in dark colours', () => {
    expect(exported.code, exported.stderr).toBe(0)
    expect(pdfPages(darkPdf)).toBe(slides.length)
    // Compare each page with the light export: the dark one is clearly darker.
    const lighter = slides.filter(s => meanGray(renderPage(darkPdf, s.no, 18)) > meanGray(renderPage(pdf, s.no, 18)) - 60)
    expect(lighter.map(s => `page ${s.no}`)).toEqual([])
    expect(meanGray(renderPage(darkPdf, 1, 18))).toBeLessThan(100)
  })

  it('keeps the text and embeds every font', () => {
    const pages = pdfPageTexts(darkPdf)
    for (const s of slides.filter(s => shownHeading(s)))
      expect(containsOpening(pages[s.no - 1]!, shownHeading(s), 20), `page ${s.no}`).toBe(true)
    expect(pdfFonts(darkPdf).filter(f => !f.embedded).map(f => f.name)).toEqual([])
  })
})

describe('npm run export:png', () => {
  let exported: Awaited<ReturnType<typeof run>>
  beforeAll(async () => {
    exported = await npmRun('export:png', '--output', pngDir)
  })

  it('writes one 16:9 PNG per slide, at twice the slide size', async () => {
    expect(exported.code, exported.stderr).toBe(0)
    const files = (await readdir(pngDir)).filter(f => f.endsWith('.png'))
    expect(files.map(f => Number.parseInt(f, 10)).sort((a, b) => a - b)).toEqual(slides.map(s => s.no))
    for (const f of files) {
      const png = await readFile(join(pngDir, f))
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)]
      expect(w, f).toBeGreaterThanOrEqual(1920)
      expect(w / h, f).toBeCloseTo(16 / 9, 1)
    }
  })
})

describe('npm run export:notes', () => {
  let exported: Awaited<ReturnType<typeof run>>
  beforeAll(async () => {
    await rm(notesPdf, { force: true })
    exported = await npmRun('export:notes', '--output', notesPdf)
  })

  it('writes a PDF with every slide\'s notes as text', () => {
    expect(exported.code, exported.stderr).toBe(0)
    const text = pdfPageTexts(notesPdf).join('\n')
    const missing = slides.filter(s => s.note && !containsOpening(text, s.note)).map(s => `slide ${s.no}`)
    expect(missing).toEqual([])
  })

  it('embeds every font', () => {
    expect(pdfFonts(notesPdf).filter(f => !f.embedded).map(f => f.name)).toEqual([])
  })
})

describe('npm run export without a browser', () => {
  it('fails with one line saying how to get one, not a stack trace', async () => {
    const res = await run('node', ['scripts/export.mjs'], { CHROMIUM_PATH: '/nonexistent/chromium' })
    expect(res.code).not.toBe(0)
    const lines = res.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/No Chromium found.*apt-get install -y chromium.*CHROMIUM_PATH/)
    expect(res.stderr).not.toMatch(/\bat .+:\d+:\d+/)
  })

  it('the notes export fails the same way', async () => {
    const res = await run('node', ['scripts/export-notes.mjs'], { CHROMIUM_PATH: '/nonexistent/chromium' })
    expect(res.code).not.toBe(0)
    expect(res.stderr.trim()).toMatch(/^No Chromium found.*CHROMIUM_PATH/)
    expect(res.stderr).not.toMatch(/\bat .+:\d+:\d+/)
  })
})
