// Reading an exported PDF back: poppler's page count, text and fonts (shared with the export
// script), and page pixels rendered with pdftoppm for "what is drawn here" checks.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export { pdfFonts, pdfPages, pdfPageTexts } from '../../scripts/lib.mjs'

/** Pixels row by row: 1 channel (grey, 0 black … 255 white), 3 (RGB) or 4 (RGBA, a canvas). */
export interface Image { width: number, height: number, channels: number, pixels: ArrayLike<number> }
/** A box as fractions (0–1) of the image's width and height. */
export interface Box { x: number, y: number, w: number, h: number }

/** Renders page `page` (1-based) at `dpi` with pdftoppm, in grey or in colour. */
export function renderPage(pdf: string, page: number, dpi = 72, colour = false): Image {
  const dir = mkdtempSync(join(tmpdir(), 'pdfpage-'))
  try {
    execFileSync('pdftoppm', [...(colour ? [] : ['-gray']), '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, join(dir, 'p')])
    const buf = readFileSync(join(dir, colour ? 'p.ppm' : 'p.pgm'))
    // Binary PGM/PPM: "P5" or "P6", width, height, maxval, one whitespace, then the pixels.
    const m = /^P[56]\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))
    if (!m)
      throw new Error(`pdftoppm wrote no image for page ${page} of ${pdf}`)
    return { width: Number(m[1]), height: Number(m[2]), channels: colour ? 3 : 1, pixels: buf.subarray(m[0].length) }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * How much is drawn inside `box` of a grey image: the share of pixels that differ clearly
 * (> 24 grey levels) from the box's most common grey, its background. A blank area scores ~0.
 */
export function inkShare(img: Image, box: Box = { x: 0, y: 0, w: 1, h: 1 }): number {
  const hist = new Array<number>(256).fill(0)
  const [x0, y0, x1, y1] = [Math.floor(box.x * img.width), Math.floor(box.y * img.height), Math.ceil((box.x + box.w) * img.width), Math.ceil((box.y + box.h) * img.height)]
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++)
      hist[img.pixels[y * img.width + x]!]!++
  }
  const total = hist.reduce((a, b) => a + b, 0)
  const bg = hist.indexOf(Math.max(...hist))
  return total ? hist.reduce((ink, n, v) => (Math.abs(v - bg) > 24 ? ink + n : ink), 0) / total : 0
}

/** Mean grey of a page: light pages are near 255, dark ones near 0. */
export function meanGray(img: Image): number {
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
export function colourCells(img: Image, box: Box, rgb: readonly number[]): number[] {
  const cols = 20
  const rows = 10
  const hits = new Array<number>(cols * rows).fill(0)
  const sizes = new Array<number>(cols * rows).fill(0)
  const x0 = Math.floor(box.x * img.width)
  const y0 = Math.floor(box.y * img.height)
  const w = Math.max(1, Math.floor(box.w * img.width))
  const h = Math.max(1, Math.floor(box.h * img.height))
  for (let y = y0; y < Math.min(img.height, y0 + h); y++) {
    for (let x = x0; x < Math.min(img.width, x0 + w); x++) {
      const cell = Math.min(rows - 1, Math.floor(((y - y0) / h) * rows)) * cols + Math.min(cols - 1, Math.floor(((x - x0) / w) * cols))
      const p = (y * img.width + x) * img.channels
      const alpha = img.channels === 4 ? img.pixels[p + 3]! : 255
      const d = Math.hypot(img.pixels[p]! - rgb[0]!, img.pixels[p + 1]! - rgb[1]!, img.pixels[p + 2]! - rgb[2]!)
      sizes[cell]!++
      if (alpha > 200 && d <= 48)
        hits[cell]!++
    }
  }
  return hits.flatMap((n, i) => (n >= 0.03 * sizes[i]! && n > 0 ? [i] : []))
}
