// A static host for the benchmark: 127.0.0.1, gzip for text (so transferred bytes are what a real
// host sends), index.html for unknown paths (Slidev's deep links). Bodies are compressed once and
// kept in memory, so the server's own CPU time stays out of the page timings.
// Same approach as tests/support/static-server.ts, kept in .mjs so `npm run bench` needs no TS loader.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Content types by extension; tests/support/static-server.ts serves with the same table. */
/** @type {Record<string, string>} */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest', '.txt'])

/**
 * @param {string} dir built deck
 * @returns {Promise<{ url: string, close: () => Promise<unknown> }>}
 */
export async function serveStatic(dir) {
  /** @type {Map<string, { body: Buffer, gzip?: Buffer }>} */
  const cache = new Map()
  /** @param {string} file */
  async function body(file) {
    let entry = cache.get(file)
    if (!entry) {
      const raw = await readFile(file)
      entry = { body: raw, gzip: COMPRESSIBLE.has(extname(file)) ? gzipSync(raw) : undefined }
      cache.set(file, entry)
    }
    return entry
  }
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '')
      let file = join(dir, rel)
      if (!(await stat(file).then(s => s.isFile(), () => false))) {
        if (extname(rel)) {
          res.writeHead(404).end('not found')
          return
        }
        file = join(dir, 'index.html')
      }
      const entry = await body(file)
      /** @type {Record<string, string>} */
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }
      let out = entry.body
      if (entry.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        out = entry.gzip
        headers['content-encoding'] = 'gzip'
      }
      headers['content-length'] = String(out.length)
      res.writeHead(200, headers).end(out)
    }
    catch (err) {
      res.writeHead(500).end(String(err))
    }
  })
  await new Promise((/** @type {(v?: unknown) => void} */ resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.()
      server.close(() => resolve(undefined))
    }),
  }
}
