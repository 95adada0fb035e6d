// Browser measurements for one built deck served on 127.0.0.1: what a first visit fetches (before
// slide 1 is visible, and in its first 10 s, the service worker's own fetches included), when
// slide 1 shows, how long the next slide takes, when a chart is drawn after its slide enters, and
// what the reading view's first screen fetches on a phone.

/** The network counts as quiet after this long with no request in flight (as Playwright's networkidle). */
export const QUIET_MS = 500
/** "What a first visit pays": everything requested this long after navigation starts. */
export const FIRST_VISIT_MS = 10_000

// Runs in the page from document start. Every animation frame it records, per slide number, when
// the slide is first displayed (not hidden, with a box and text) and when every canvas in it
// first has pixels. A frame is painted right after its animation-frame callbacks, so each time is
// taken in a task posted from there (the usual "after next paint" probe), as performance.now().
// The reading view's slide 1 counts as slide 1.
/** @typedef {{ shown: Record<number, number>, drawn: Record<number, number>, keydowns: number[] }} BenchProbe */
/** @typedef {Window & typeof globalThis & { __bench: BenchProbe }} ProbedWindow */
function pageProbe() {
  /** @type {BenchProbe} */
  const probe = { shown: {}, drawn: {}, keydowns: [] }
  Object.assign(window, { __bench: probe })
  addEventListener('keydown', e => probe.keydowns.push(e.timeStamp), { capture: true })
  const pending = new Set()
  const afterPaint = (/** @type {'shown' | 'drawn'} */ what, /** @type {number} */ no) => {
    pending.add(`${what}${no}`)
    const channel = new MessageChannel()
    channel.port1.onmessage = () => { probe[what][no] = performance.now() }
    channel.port2.postMessage(0)
  }
  const inked = (/** @type {HTMLCanvasElement} */ c) => {
    const data = c.width && c.height ? c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data : undefined
    for (let i = 3; data && i < data.length; i += 4 * 7) {
      if (data[i])
        return true
    }
    return false
  }
  const due = (/** @type {'shown' | 'drawn'} */ what, /** @type {number} */ no) => probe[what][no] === undefined && !pending.has(`${what}${no}`)
  requestAnimationFrame(function frame() {
    for (const wrapper of document.querySelectorAll(/** @type {'div'} */ ('#slideshow > [data-slidev-no], .wc-reading [id="1"]'))) {
      const no = Number(wrapper.getAttribute('data-slidev-no') ?? wrapper.id)
      const layout = /** @type {HTMLElement | null} */ (wrapper.querySelector('.slidev-layout'))
      if (!layout || wrapper.style.display === 'none')
        continue
      if (due('shown', no) && layout.checkVisibility({ visibilityProperty: true }) && layout.getBoundingClientRect().width > 0 && layout.innerText.trim())
        afterPaint('shown', no)
      const canvases = [...wrapper.querySelectorAll('canvas')]
      if (due('drawn', no) && canvases.length && canvases.every(inked))
        afterPaint('drawn', no)
    }
    requestAnimationFrame(frame)
  })
}

/** What a file is, by its name. @type {[Exclude<Kind, 'other'>, RegExp][]} */
const KINDS = [['js', /\.m?js$/], ['css', /\.css$/], ['fonts', /\.woff2?$/], ['icons', /pwa-\d+\.png$|\.webmanifest$/]]
/** @typedef {'js' | 'css' | 'fonts' | 'icons' | 'other'} Kind */

/**
 * Opens `url` in a fresh context (empty cache), records every request of the page and of its
 * service worker, and waits for slide 1. `fetched(ms)`: bytes on the wire (headers and body as
 * sent, compressed where the host compresses), by kind, of the requests started in the first
 * `ms` after navigation, once the network is quiet.
 * @param {import('playwright-core').Browser} browser @param {string} url @param {import('playwright-core').BrowserContextOptions} options
 */
async function open(browser, url, options) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  await page.addInitScript(pageProbe)
  // Console errors and uncaught exceptions: a faster deck that breaks is no faster deck.
  const errors = /** @type {string[]} */ ([])
  page.on('pageerror', err => errors.push(String(err)))
  page.on('console', m => void ((m.type() === 'error' || m.text().startsWith('[Vue warn]')) && errors.push(m.text())))
  const requests = /** @type {import('playwright-core').Request[]} */ ([])
  const inFlight = new Set()
  let last = Date.now()
  context.on('request', (r) => { requests.push(r); inFlight.add(r); last = Date.now() })
  const settled = (/** @type {import('playwright-core').Request} */ r) => { inFlight.delete(r); last = Date.now() }
  context.on('requestfinished', settled).on('requestfailed', settled)
  const quiet = async () => {
    while (inFlight.size || Date.now() - last < QUIET_MS)
      await page.waitForTimeout(50)
  }
  const bench = () => page.evaluate(() => ({ ...(/** @type {ProbedWindow} */ (window)).__bench, origin: performance.timeOrigin }))
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => /** @type {ProbedWindow} */ (window).__bench?.shown[1] !== undefined, null, { timeout: 60_000, polling: 20 })
  const { origin, shown } = await bench()
  async function fetched(/** @type {number} */ ms) {
    await quiet()
    const sum = /** @type {Record<Kind | 'requests' | 'bytes', number>} */ ({ requests: 0, bytes: 0, js: 0, css: 0, fonts: 0, icons: 0, other: 0 })
    for (const r of requests.filter(r => !r.url().startsWith('data:') && r.timing().startTime < origin + ms)) {
      // A page request the worker answered is counted once, as the worker's own fetch.
      if ((await r.response())?.fromServiceWorker())
        continue
      const { responseBodySize, responseHeadersSize } = await r.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }))
      const k = KINDS.find(([, re]) => re.test(new URL(r.url()).pathname))?.[0] ?? 'other'
      sum.requests++
      sum.bytes += responseBodySize + responseHeadersSize
      sum[k] += responseBodySize + responseHeadersSize
    }
    return sum
  }
  const offsite = () => requests.map(r => r.url()).filter(u => !u.startsWith(new URL(url).origin) && !u.startsWith('data:'))
  return { context, page, slide1Ms: shown[1] ?? Number.NaN, quiet, bench, errors, offsite, fetched }
}

/** One cold visit at 1280×720: what slide 1 and the first 10 s cost, then every slide in turn. @param {import('playwright-core').Browser} browser @param {string} url @param {number} slides */
export async function measureVisit(browser, url, slides) {
  const v = await open(browser, url, { viewport: { width: 1280, height: 720 } })
  const beforeSlide1 = await v.fetched(v.slide1Ms)
  // The visitor just watches slide 1 for the first 10 s.
  await v.page.waitForTimeout(Math.max(0, FIRST_VISIT_MS - (await v.page.evaluate(() => performance.now()))))
  const firstVisit = await v.fetched(FIRST_VISIT_MS)
  // Walk the deck with ↓ (Slidev's "next slide", which skips clicks), one key per slide. Before
  // each key the network is quiet, as when a speaker has talked over a slide for a while (Slidev
  // has by then preloaded the neighbours): the latency is the deck's own work to show a slide.
  const [next, charts] = [/** @type {{ no: number, ms: number }[]} */ ([]), /** @type {{ no: number, enterToDrawnMs: number }[]} */ ([])]
  const seen = (/** @type {'shown' | 'drawn'} */ what, /** @type {number} */ no) => v.page.waitForFunction(([w, n]) => /** @type {ProbedWindow} */ (window).__bench[w][n] !== undefined, /** @type {const} */ ([what, no]), { timeout: 30_000, polling: 10 })
  for (let no = 2; no <= slides; no++) {
    await v.quiet()
    await v.page.keyboard.press('ArrowDown')
    await seen('shown', no)
    const hasCanvas = await v.page.locator(`#slideshow > [data-slidev-no="${no}"] canvas`).count() > 0
    if (hasCanvas)
      await seen('drawn', no)
    const b = await v.bench()
    next.push({ no, ms: (b.shown[no] ?? Number.NaN) - (b.keydowns.at(-1) ?? Number.NaN) })
    if (hasCanvas)
      charts.push({ no, enterToDrawnMs: (b.drawn[no] ?? Number.NaN) - (b.shown[no] ?? Number.NaN) })
  }
  await v.context.close()
  return { beforeSlide1, firstVisit, slide1Ms: v.slide1Ms, next, charts, offsite: v.offsite(), errors: v.errors }
}

/** The reading view's first screen on a phone (390×844, as a visitor opening /1 there gets it). @param {import('playwright-core').Browser} browser @param {string} url */
export async function measureReading(browser, url) {
  const v = await open(browser, `${url}1`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })
  const result = { firstScreen: await v.fetched(v.slide1Ms), landed: v.page.url(), errors: v.errors }
  await v.context.close()
  return result
}
