// What a first visit downloads after the deck has loaded: a service worker (if the build has one)
// precaches every file in its manifest so the deck works offline. Not part of first load (it
// starts after the page is up and never blocks a slide), but real bytes, so the bench reports it.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest', '.txt'])

/**
 * @param {string} dist built deck
 * @returns {Promise<{ files: number, kb: number } | undefined>} undefined when there is no service worker
 */
export async function precacheSize(dist) {
  const sw = join(dist, 'sw.js')
  if (!existsSync(sw))
    return undefined
  const urls = [...(await readFile(sw, 'utf8')).matchAll(/\burl:\s*"([^"]+)"/g)].map(m => m[1] ?? '')
  let bytes = 0
  for (const url of new Set(urls)) {
    const file = join(dist, decodeURIComponent(url.split('?')[0] ?? ''))
    if (!existsSync(file))
      continue
    const body = await readFile(file)
    bytes += COMPRESSIBLE.has(extname(file)) ? gzipSync(body).length : body.length
  }
  return { files: new Set(urls).size, kb: bytes / 1024 }
}
