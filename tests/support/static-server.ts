import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { AddressInfo } from 'node:net'

// One content-type table for the tests and the benchmark's server (an .mjs, so the bench needs no TS loader).
import { COMPRESSIBLE, TYPES } from '../../scripts/bench/serve.mjs'

export interface StaticServer {
  /** Origin plus base, e.g. http://127.0.0.1:4321/some/path/ */
  url: string
  origin: string
  close: () => Promise<void>
}

export interface ServeOptions {
  /**
   * What an unknown path gets: 'spa' = index.html with 200 (Netlify's `/* /index.html 200`,
   * most static hosts); 'pages' = 404.html with status 404, as GitHub Pages does.
   */
  fallback?: 'spa' | 'pages'
}

/**
 * Serves a built deck on 127.0.0.1 the way a static host does: files under `base`, gzip for
 * text, and index.html for unknown paths so deep links such as /7 load (SPA fallback).
 */
export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('outside base')
      return
    }
    let status = 200
    const rel = normalize(decodeURIComponent(url.pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '')
    let file = join(dir, rel)
    const isFile = await stat(file).then(s => s.isFile(), () => false)
    if (!isFile) {
      if (extname(rel)) {
        res.writeHead(404).end('not found')
        return
      }
      file = join(dir, options.fallback === 'pages' ? '404.html' : 'index.html')
      if (options.fallback === 'pages')
        status = 404
    }
    const ext = extname(file)
    let body = await readFile(file)
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body)
      headers['content-encoding'] = 'gzip'
    }
    headers['content-length'] = String(body.length)
    res.writeHead(status, headers).end(body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}
