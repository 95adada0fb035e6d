// Reading an exported PDF the way poppler sees it: page count, text per page, fonts, and page
// pixels (rendered with pdftoppm) for "is anything drawn here" checks.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1])
}

/** Text of each page, in page order (pdftotext separates pages with a form feed). */
export function pdfPageTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return text.split('\f').slice(0, pdfPages(pdf))
}

/** pdffonts rows: name and whether it is embedded. */
export function pdfFonts(pdf: string): { name: string, embedded: boolean }[] {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).map((line) => {
    const cols = line.trim().split(/\s+/)
    return { name: cols[0]!, embedded: cols.at(-5) === 'yes' }
  })
}

export interface GrayImage {
  width: number
  height: number
  /** One byte per pixel, 0 black … 255 white, row by row. */
  pixels: Uint8Array
}

/** Renders page `page` (1-based) in grey at `dpi` with pdftoppm. */
export function renderPage(pdf: string, page: number, dpi = 72): GrayImage {
  const dir = mkdtempSync(join(tmpdir(), 'pdfpage-'))
  try {
    const out = join(dir, 'p')
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, out])
    const buf = readFileSync(`${out}.pgm`)
    // Binary PGM: "P5", width, height, maxval, one whitespace, then the pixels.
    const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))
    if (!m)
      throw new Error(`pdftoppm wrote no PGM for page ${page} of ${pdf}`)
    return { width: Number(m[1]), height: Number(m[2]), pixels: buf.subarray(m[0].length) }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A box as fractions (0–1) of the page's width and height. */
export interface Box { x: number, y: number, w: number, h: number }

/**
 * How much is drawn inside `box`: the share of pixels that differ clearly (> 24 grey levels) from
 * the box's most common grey, which is its background. A blank area scores ~0.
 */
export function inkShare(img: GrayImage, box: Box = { x: 0, y: 0, w: 1, h: 1 }): number {
  const x0 = Math.max(0, Math.floor(box.x * img.width))
  const y0 = Math.max(0, Math.floor(box.y * img.height))
  const x1 = Math.min(img.width, Math.ceil((box.x + box.w) * img.width))
  const y1 = Math.min(img.height, Math.ceil((box.y + box.h) * img.height))
  const hist = new Array<number>(256).fill(0)
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++)
      hist[img.pixels[y * img.width + x]!]!++
  }
  const total = (x1 - x0) * (y1 - y0)
  if (total <= 0)
    return 0
  const bg = hist.indexOf(Math.max(...hist))
  let ink = 0
  hist.forEach((n, v) => {
    if (Math.abs(v - bg) > 24)
      ink += n
  })
  return ink / total
}

/** Mean grey of a page: light pages are near 255, dark ones near 0. */
export function meanGray(img: GrayImage): number {
  let sum = 0
  for (const v of img.pixels) sum += v
  return sum / img.pixels.length
}
