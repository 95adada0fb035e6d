import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { buildDeck, launchChromium, serveStatic } from '../../scripts/lib.mjs'
import type { StaticServer } from '../../scripts/lib.mjs'
import { chartSlides, loadDeck } from '../support/deck'

// Offline for the speaker: the hosted deck is opened once with the network up and the presenter
// view saves it; then the network goes away (as at a venue with no Wi-Fi) and every slide and the
// presenter view must still load from the service worker, with no failed request and no script
// error. A listener's visit keeps only what it showed: the page shell and the files it fetched.
let browser: Browser
let total: number
/** The first slide with a chart. */
let chartNo: number

beforeAll(async () => {
  browser = await launchChromium()
  const { slides } = await loadDeck()
  total = slides.length
  chartNo = chartSlides(slides)[0]?.no ?? Number.NaN
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

/** First visit online at `path`: the deck loads, its service worker installs and controls the next load. */
async function firstVisit(url: string, path = ''): Promise<Visit> {
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
  await page.goto(`${url}${path}`)
  await page.locator(path.startsWith('presenter') ? '.slidev-presenter' : '.slidev-page').first().waitFor()
  const active = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise<boolean>(resolve => setTimeout(resolve, 120_000, false)),
  ]))
  expect(active, 'the service worker installed and activated within 2 minutes').toBe(true)
  return { context, page, problems }
}

/** Paths (relative to the deck's base) of everything in the service worker's caches. */
async function cachedFiles(page: Page, base: string): Promise<string[]> {
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

/** Built files the presenter view saves: everything Vite emitted (the worker and the public files are not its). */
async function builtFiles(dir: string): Promise<string[]> {
  return (await filesOf(dir)).filter(f => f.startsWith('assets/'))
}

/** Waits until every file in `files` is in the page's caches (the presenter view saves them). */
async function saved(page: Page, base: string, files: string[]): Promise<void> {
  await expect.poll(async () => {
    const cached = new Set(await cachedFiles(page, base))
    return files.filter(f => !cached.has(f))
  }, { timeout: 120_000, interval: 500 }).toEqual([])
}

describe('offline for the speaker: first visit, presenter view, then no network', () => {
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

  it('the presenter view saves every built script, style and font, and says so beside its timer', async () => {
    await visit.page.goto(`${server.url}presenter/1`)
    await visit.page.locator('.slidev-presenter').waitFor()
    const files = await builtFiles(dist())
    expect(files.some(f => f.endsWith('.woff2'))).toBe(true)
    await saved(visit.page, '/', files)
    await expect.poll(() => visit.page.getByRole('status').filter({ hasText: /offline/ }).allInnerTexts()).toEqual(['Saved for offline'])
  })

  it('says so beside the timer when the deck cannot be saved', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.route('**/offline-files.json', route => route.fulfill({ status: 503, body: 'unavailable' }))
    await page.goto(`${server.url}presenter/1`)
    await page.locator('.slidev-presenter').waitFor()
    await expect.poll(() => page.getByRole('status').filter({ hasText: /offline/ }).allInnerTexts()).toEqual(['Not saved for offline: reload online'])
    await context.close()
  })

  it('is installable as an app from there (Chromium finds no installability error)', async () => {
    const cdp = await visit.context.newCDPSession(visit.page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    // Test browser contexts are incognito, where Chromium never offers to install: not the deck's doing.
    expect(installabilityErrors.filter(e => e.errorId !== 'in-incognito')).toEqual([])
  })

  it('reloads and walks every slide and the presenter view with the network gone', async () => {
    const { context, page, problems } = visit
    expect(problems).toEqual([])
    await context.setOffline(true)
    await page.goto(server.url)
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible' })
    for (let no = 1; no <= total; no++)
      await openSlide(page, server.url, no)
    // The speaker's own view must come back offline too.
    await page.goto(`${server.url}presenter/1`)
    await page.locator('.slidev-presenter').waitFor()
    expect(problems).toEqual([])
    // And the network really is gone: anything not saved fails.
    expect(await page.evaluate(() => fetch('not-precached.txt').then(() => 'fetched', () => 'failed'))).toBe('failed')
  })
})

describe('a listener: the first visit keeps only what it showed', () => {
  let server: StaticServer
  let context: BrowserContext
  let page: Page
  /** Paths the page and its service worker requested. */
  const fetched = new Set<string>()
  const problems: string[] = []
  const dist = (): string => inject('distDir')
  // The page shell the worker installs with: what deep links need to open offline.
  const SHELL = ['index.html', 'favicon.svg']

  beforeAll(async () => {
    server = await serveStatic(dist())
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    page = await context.newPage()
    context.on('request', r => fetched.add(decodeURIComponent(new URL(r.url()).pathname).slice(1)))
    page.on('pageerror', e => problems.push(`page error: ${e.message}`))
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') // see firstVisit
        problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`)
    })
  })

  afterAll(async () => {
    await context?.close()
    await server?.close()
  })

  it('slide 1 leaves the shell and slide 1\'s own files in the cache: not the charts, not the fonts of later slides', async () => {
    await page.goto(`${server.url}1`)
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible' })
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
      await document.fonts.ready
    })
    const all = await builtFiles(dist())
    // Files only later slides need: the chart component (chart.js inside) and the Korean font
    // slices (slide 2's names). Named here by file name, so a rename fails this test, not passes it.
    const chart = all.filter(f => /\/EvidenceChart-[\w-]+\.js$/.test(f))
    const korean = all.filter(f => /\/noto-sans-kr-\d+-[\w.-]+\.woff2$/.test(f))
    expect(chart, 'the chart chunk in the build').toHaveLength(1)
    expect(korean.length, 'Korean font slices in the build').toBeGreaterThan(0)
    const cached = await cachedFiles(page, '/')
    expect(cached.filter(f => SHELL.includes(f)).sort(), 'the page shell, for deep links offline').toEqual([...SHELL].sort())
    expect(cached.filter(f => !SHELL.includes(f) && !fetched.has(f)), 'cached but never fetched by this visit').toEqual([])
    expect(cached.filter(f => [...chart, ...korean].includes(f)), 'files of slides not shown').toEqual([])
    // No app manifest and so no app icons for a listener.
    expect([...fetched].filter(f => /webmanifest|pwa-\d+\.png/.test(f))).toEqual([])
    expect(problems).toEqual([])
  })

  it('a chart slide the listener opened (a link, a reload) opens again with the network gone', async () => {
    // This load is the worker's: it keeps what the slide fetches.
    await openSlide(page, server.url, chartNo)
    const canvas = page.locator(`.slidev-page-${chartNo} canvas`).first()
    await canvas.waitFor()
    const chart = (await builtFiles(dist())).find(f => /\/EvidenceChart-[\w-]+\.js$/.test(f))
    await expect.poll(async () => (await cachedFiles(page, '/')).includes(chart ?? '?'), { timeout: 30_000 }).toBe(true)
    await context.setOffline(true)
    await openSlide(page, server.url, chartNo)
    // The chart is drawn from the cached chunk: some pixel has ink.
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
      return data.some((v, i) => i % 4 === 3 && v > 0)
    }), { timeout: 30_000 }).toBe(true)
    expect(problems).toEqual([])
  })
})

describe('offline under a sub-path (slidev build --base /talk/)', () => {
  let server: StaticServer
  let visit: Visit
  let dir: string

  beforeAll(async () => {
    dir = join(inject('runDir'), 'dist-offline-base')
    await buildDeck(dir, ['--base', '/talk/'])
    server = await serveStatic(dir, '/talk/')
    visit = await firstVisit(server.url, 'presenter/1')
  })

  afterAll(async () => {
    await visit?.context.close()
    await server?.close()
  })

  it('scopes the service worker to the sub-path, saves the deck from the presenter view and works offline there', async () => {
    const { context, page, problems } = visit
    await saved(page, '/talk/', await builtFiles(dir))
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
    expect(scope).toBe(server.url)
    await context.setOffline(true)
    await page.goto(server.url)
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible' })
    await openSlide(page, server.url, total)
    expect(problems).toEqual([])
  })
})
