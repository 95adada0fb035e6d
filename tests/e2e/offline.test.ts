import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { serveStatic } from '../support/static-server'
import type { StaticServer } from '../support/static-server'
import { buildDeck } from '../support/run'
import { loadDeck } from '../support/deck'

// "Offline after first visit": the hosted deck is loaded once with the network up, then the
// network goes away (as at a venue with no Wi-Fi) and every slide must still load from the
// service worker, with no failed request and no script error.
let browser: Browser
let total: number

beforeAll(async () => {
  browser = await launchChromium()
  total = (await loadDeck()).slides.length
})

afterAll(async () => {
  await browser?.close()
})

/** Every file of a build, as paths relative to its root. */
async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(e => e.isFile()).map(e => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
}

interface Visit {
  context: BrowserContext
  page: Page
  problems: string[]
}

/** First visit online: load the deck and wait until its service worker controls the page. */
async function firstVisit(url: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', e => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', (r) => {
    // ERR_ABORTED is the browser dropping a request because the test navigated on (a font
    // preload still in flight), not a request that had no answer; those show as other errors.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error')
      problems.push(`console error: ${m.text()}`)
  })
  await page.goto(url)
  await page.locator('.slidev-page').first().waitFor()
  // Installing means downloading every precached file; two busy cores can take a while. The
  // worker serves the deck from the next load on (it does not take over the page it installed from).
  const active = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise<boolean>(resolve => setTimeout(resolve, 120_000, false)),
  ]))
  expect(active, 'the service worker installed and activated within 2 minutes').toBe(true)
  await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 })
  return { context, page, problems }
}

/** Paths (relative to the deck's base) of everything the service worker precached. */
async function precached(page: Page, base: string): Promise<string[]> {
  const urls = await page.evaluate(async () => {
    const out: string[] = []
    for (const key of await caches.keys()) {
      const cache = await caches.open(key)
      for (const req of await cache.keys())
        out.push(req.url)
    }
    return out
  })
  return urls.map(u => decodeURIComponent(new URL(u).pathname).slice(base.length))
}

/** Opens slide `no` by its URL (a full navigation, as a speaker's bookmark or reload does). */
async function openSlide(page: Page, url: string, no: number): Promise<void> {
  await page.goto(`${url}${no}`)
  await page.locator(`.slidev-page-${no}`).first().waitFor({ state: 'visible' })
  // Every font the slide uses must load (from the cache, offline); a miss shows as 'error'.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready
    return Array.from(document.fonts).filter(f => f.status === 'error').map(f => `${f.family} ${f.weight}`)
  })
  expect(fonts, `fonts that failed on slide ${no}`).toEqual([])
}

describe('offline after first visit', () => {
  let server: StaticServer
  let visit: Visit
  const dist = (): string => inject('distDir')

  beforeAll(async () => {
    server = await serveStatic(dist())
    visit = await firstVisit(server.url)
  })

  afterAll(async () => {
    await visit?.context.close()
    await server?.close()
  })

  it('precaches every built script, style, font and icon', async () => {
    const cached = new Set(await precached(visit.page, '/'))
    // sw.js and its Workbox runtime are the worker itself; 404.html is Slidev's copy of
    // index.html for static hosts, written after the worker is generated (offline, the worker's
    // navigation fallback serves index.html instead).
    const wanted = (await filesOf(dist()))
      .filter(f => /\.(?:html|js|css|woff2?|svg|png|webmanifest)$/.test(f))
      .filter(f => f !== 'sw.js' && f !== '404.html' && !/^workbox-/.test(f))
    expect(wanted.some(f => f.endsWith('.woff2'))).toBe(true)
    expect(wanted.filter(f => !cached.has(f))).toEqual([])
  })

  it('is installable as an app (Chromium finds no installability error)', async () => {
    const cdp = await visit.context.newCDPSession(visit.page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    // Test browser contexts are incognito, where Chromium never offers to install: not the deck's doing.
    expect(installabilityErrors.filter(e => e.errorId !== 'in-incognito')).toEqual([])
  })

  it('reloads and walks every slide with the network gone', async () => {
    const { context, page, problems } = visit
    expect(problems).toEqual([])
    await context.setOffline(true)
    await page.reload()
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible' })
    for (let no = 1; no <= total; no++)
      await openSlide(page, server.url, no)
    // The speaker's own view must come back offline too.
    await page.goto(`${server.url}presenter/1`)
    await page.locator('.slidev-presenter').waitFor()
    expect(problems).toEqual([])
    // And the network really is gone: anything not precached fails.
    expect(await page.evaluate(() => fetch('not-precached.txt').then(() => 'fetched', () => 'failed'))).toBe('failed')
  })
})

describe('offline under a sub-path (slidev build --base /talk/)', () => {
  let server: StaticServer
  let visit: Visit

  beforeAll(async () => {
    const dir = join(inject('runDir'), 'dist-offline-base')
    await buildDeck(dir, ['--base', '/talk/'])
    server = await serveStatic(dir, '/talk/')
    visit = await firstVisit(server.url)
  })

  afterAll(async () => {
    await visit?.context.close()
    await server?.close()
  })

  it('scopes the service worker to the sub-path and works offline there', async () => {
    const { context, page, problems } = visit
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    expect(scope).toBe(server.url)
    await context.setOffline(true)
    await page.reload()
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible' })
    await openSlide(page, server.url, total)
    expect(problems).toEqual([])
  })
})
