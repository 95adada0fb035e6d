// Browser measurements for one built deck served on 127.0.0.1: first load (requests and bytes
// on the wire by kind, until slide 1 is visible and the network is quiet), time to slide 1
// visible, next-slide latency, and, on slides with a chart, slide enter → chart drawn.

/** The network counts as quiet after this long with no request in flight (as Playwright's networkidle). */
export const QUIET_MS = 500

// Runs in the page from document start. Every animation frame it records, per slide number, when
// the slide is first displayed (not hidden, with a box and text) and when every canvas in it
// first has pixels. A frame is painted right after its animation-frame callbacks, so each time is
// taken in a task posted from there (the usual "after next paint" probe), as performance.now().
/** @typedef {{ shown: Record<number, number>, drawn: Record<number, number>, keydowns: number[] }} BenchProbe */
/** @typedef {Window & typeof globalThis & { __bench: BenchProbe }} ProbedWindow */
function pageProbe() {
  /** @type {BenchProbe} */
  const probe = { shown: {}, drawn: {}, keydowns: [] }
  Object.assign(window, { __bench: probe })
  addEventListener('keydown', e => probe.keydowns.push(e.timeStamp), { capture: true })
  const pending = new Set()
  const afterPaint = (/** @type {string} */ key, /** @type {(t: number) => void} */ record) => {
    pending.add(key)
    const channel = new MessageChannel()
    channel.port1.onmessage = () => record(performance.now())
    channel.port2.postMessage(0)
  }
  const drawn = (/** @type {HTMLCanvasElement} */ c) => {
    const data = c.width && c.height ? c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data : undefined
    for (let i = 3; data && i < data.length; i += 4 * 7) {
      if (data[i])
        return true
    }
    return false
  }
  function frame() {
    for (const wrapper of document.querySelectorAll(/** @type {'div'} */ ('#slideshow > [data-slidev-no]'))) {
      const no = Number(wrapper.getAttribute('data-slidev-no'))
      const layout = /** @type {HTMLElement} */ (wrapper.querySelector('.slidev-layout') ?? wrapper)
      if (wrapper.style.display === 'none')
        continue
      if (probe.shown[no] === undefined && !pending.has(`s${no}`) && layout.checkVisibility({ visibilityProperty: true }) && layout.getBoundingClientRect().width > 0 && layout.innerText.trim())
        afterPaint(`s${no}`, (t) => { probe.shown[no] = t })
      const canvases = [...wrapper.querySelectorAll('canvas')]
      if (probe.drawn[no] === undefined && !pending.has(`d${no}`) && canvases.length && canvases.every(drawn))
        afterPaint(`d${no}`, (t) => { probe.drawn[no] = t })
    }
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

/** @param {string} url @param {string} type Playwright's resource type @returns {'js' | 'css' | 'fonts' | 'other'} */
const kind = (url, type) => (type === 'script' || /\.m?js$/.test(new URL(url).pathname) ? 'js'
  : type === 'stylesheet' || /\.css$/.test(new URL(url).pathname) ? 'css'
    : type === 'font' || /\.(woff2?|ttf|otf)$/.test(new URL(url).pathname) ? 'fonts' : 'other')

/**
 * One cold visit (fresh context, empty cache): first load, slide 1, then every slide in turn.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url deck origin, e.g. http://127.0.0.1:1234/
 * @param {number} slides how many slides the deck has
 * @param {'reduce' | 'no-preference'} [reducedMotion] the visitor's motion preference
 */
export async function measureVisit(browser, url, slides, reducedMotion = 'no-preference') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion })
  const page = await context.newPage()
  await page.addInitScript(pageProbe)
  // Console errors and uncaught exceptions: a faster deck that breaks is no faster deck.
  /** @type {string[]} */
  const errors = []
  page.on('pageerror', err => errors.push(String(err)))
  page.on('console', (msg) => {
    if (msg.type() === 'error' || (msg.type() === 'warning' && msg.text().startsWith('[Vue warn]')))
      errors.push(msg.text())
  })
  /** @type {import('playwright-core').Request[]} */
  const requests = []
  const inFlight = new Set()
  let lastActivity = Date.now()
  page.on('request', (r) => { requests.push(r); inFlight.add(r); lastActivity = Date.now() })
  const settled = (/** @type {import('playwright-core').Request} */ r) => { inFlight.delete(r); lastActivity = Date.now() }
  page.on('requestfinished', settled)
  page.on('requestfailed', settled)
  // Quiet: nothing in flight and nothing started or finished for QUIET_MS.
  const quiet = async () => {
    while (inFlight.size || Date.now() - lastActivity < QUIET_MS)
      await page.waitForTimeout(50)
  }
  const bench = () => page.evaluate(() => /** @type {ProbedWindow} */ (window).__bench)

  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => /** @type {ProbedWindow} */ (window).__bench?.shown[1] !== undefined, null, { timeout: 60_000, polling: 20 })
  await quiet()
  /** @type {{ requests: number, bytes: number, js: number, css: number, fonts: number, other: number, files: { path: string, kind: string, bytes: number }[] }} */
  const firstLoad = { requests: 0, bytes: 0, js: 0, css: 0, fonts: 0, other: 0, files: [] }
  for (const r of requests.filter(r => !r.url().startsWith('data:'))) {
    // Bytes on the wire: headers and the body as sent (compressed when the host compresses).
    const sizes = await r.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }))
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize
    const k = kind(r.url(), r.resourceType())
    firstLoad.requests++
    firstLoad.bytes += bytes
    firstLoad[k] += bytes
    firstLoad.files.push({ path: r.url().startsWith(url) ? r.url().slice(url.length - 1) : r.url(), kind: k, bytes })
  }
  firstLoad.files.sort((a, b) => b.bytes - a.bytes)
  const slide1Ms = (await bench()).shown[1] ?? Number.NaN

  // Walk the deck with ↓ (Slidev's "next slide", which skips clicks), one key per slide. Before
  // each key the network is quiet, as when a speaker has talked over a slide for a while (Slidev
  // has by then preloaded the neighbours): the latency is the deck's own work to show a slide.
  const next = []
  const charts = []
  for (let no = 2; no <= slides; no++) {
    await quiet()
    await page.keyboard.press('ArrowDown')
    await page.waitForFunction(n => /** @type {ProbedWindow} */ (window).__bench.shown[n] !== undefined, no, { timeout: 30_000, polling: 10 })
    const hasCanvas = await page.locator(`#slideshow > [data-slidev-no="${no}"] canvas`).count() > 0
    if (hasCanvas)
      await page.waitForFunction(n => /** @type {ProbedWindow} */ (window).__bench.drawn[n] !== undefined, no, { timeout: 30_000, polling: 10 })
    const b = await bench()
    const [shown, drawn, key] = [b.shown[no] ?? Number.NaN, b.drawn[no] ?? Number.NaN, b.keydowns.at(-1) ?? Number.NaN]
    next.push({ no, ms: shown - key })
    if (hasCanvas)
      charts.push({ no, enterToDrawnMs: drawn - shown, keyToDrawnMs: drawn - key })
  }
  const offsite = requests.map(r => r.url()).filter(u => !u.startsWith(url) && !u.startsWith('data:'))
  await context.close()
  return { firstLoad, slide1Ms, next, charts, offsite, errors }
}
