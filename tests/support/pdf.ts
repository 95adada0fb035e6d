// Reading an exported PDF back: poppler's page count, text and fonts (shared with the export
// script), and page pixels rendered with pdftoppm for "what is drawn here" checks.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export { pdfFonts, pdfPages, pdfPageTexts } from '../../scripts/lib.mjs'

/** Pixels row by row, `channels` bytes each: 3 (RGB, a PDF page) or 4 (RGBA, a canvas). */
export interface Image { width: number, height: number, channels: number, pixels: ArrayLike<number> }
/** A box as fractions (0–1) of the image's width and height. */
export interface Box { x: number, y: number, w: number, h: number }

/** Renders page `page` (1-based) at `dpi` with pdftoppm. */
export function renderPage(pdf: string, page: number, dpi = 96): Image {
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
