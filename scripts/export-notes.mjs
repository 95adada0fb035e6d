#!/usr/bin/env node
// `npm run export:notes [-- --output path.pdf] [--entry slides.md]`: the speaker notes as a PDF, one block per slide.
// `slidev export-notes` (52.20.1) launches Playwright's own browser, which is not installed and
// must not be downloaded, and takes no --executable-path. So this does what it does with the
// system Chromium: start Slidev's server in export mode (the only mode that serves
// /presenter/print; `slidev build` leaves it out unless `download` is on) and print that route.
import { mkdir } from 'node:fs/promises'
import { createServer as createNetServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from './find-chromium.mjs'

// The first load compiles every slide cold; on two cores that can take a minute.
const TIMEOUT_MS = 180_000

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { output: { type: 'string' }, entry: { type: 'string', default: 'slides.md' } } })

const executablePath = await findChromium()
if (!executablePath) {
  console.error(HOW_TO_GET_ONE)
  process.exit(1)
}
// Loaded only once a browser is known to exist: Slidev's CLI takes seconds to import.
const { chromium } = await import('playwright-core')
const { createServer, resolveOptions } = await import('@slidev/cli')

/** A free port on loopback, so two exports (or an export beside `npm run dev`) never collide. */
function freePort() {
  return new Promise((res, rej) => {
    const srv = createNetServer()
    srv.once('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address())
      srv.close(() => res(port))
    })
  })
}

const options = await resolveOptions({ entry: resolve(root, values.entry) }, 'export')
const name = options.data.config.exportFilename || 'slides'
const output = resolve(root, values.output ?? join('exports', `${name}-notes.pdf`))
await mkdir(dirname(output), { recursive: true })

const port = await freePort()
// Its own dependency cache: a `slidev` dev server (or another export) running at the same time
// with a different config re-bundles the shared node_modules/.vite and answers this page's
// imports with "504 Outdated Optimize Dep", which prints a blank PDF.
const server = await createServer(options, {
  cacheDir: join(root, 'node_modules', '.vite', 'export-notes'),
  server: { port, strictPort: true, host: '127.0.0.1' },
  clearScreen: false,
  logLevel: 'warn',
})
let browser
try {
  await server.listen(port)
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ colorScheme: 'light' })
  await page.goto(`http://127.0.0.1:${port}/presenter/print`, { waitUntil: 'networkidle', timeout: TIMEOUT_MS })
  await page.locator('.slidev-note').first().waitFor({ timeout: TIMEOUT_MS })
  await page.evaluate(() => document.fonts.ready)
  await page.emulateMedia({ media: 'screen' })
  await page.pdf({ path: output, printBackground: true, preferCSSPageSize: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } })
  console.log(`Speaker notes written to ${output}`)
}
finally {
  await browser?.close()
  await server.close()
}
process.exit(0)
