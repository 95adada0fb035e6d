// Browser measurements for one built deck served on 127.0.0.1: first load (requests and
// transferred bytes by kind until slide 1 is visible and the network is quiet), time to slide 1
// visible, next-slide latency, and, on slides with a chart, slide enter → chart drawn.
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../find-chromium.mjs'

/** The network counts as quiet after this long with no request in flight (as Playwright's networkidle). */
export const QUIET_MS = 500
const VIEWPORT = { width: 1280, height: 720 }

// Runs in the page from document start. Every animation frame it checks which slides are on
// screen and records, per slide number, when it is first displayed (its wrapper is not hidden,
// its layout has a box and text) and when a canvas inside it first has pixels. A frame's DOM is
// painted right after its animation-frame callbacks, so each time is taken in a task posted from
// that callback: it runs once the frame has been produced (the usual "after next paint" probe).
// Times are performance.now() values: milliseconds since navigation start.
/** @typedef {{ shown: Record<number, number>, drawn: Record<number, number>, keydowns: number[] }} BenchProbe */
/** @typedef {Window & typeof globalThis & { __bench: BenchProbe }} ProbedWindow */
function pageProbe() {
  /** @type {BenchProbe} */
  const probe = { shown: {}, drawn: {}, keydowns: [] }
  const { shown, drawn, keydowns } = probe
  Object.assign(window, { __bench: probe })
  addEventListener('keydown', e => keydowns.push(e.timeStamp), { capture: true })
  const afterPaint = (/** @type {(t: number) => void} */ record) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => record(performance.now())
    channel.port2.postMessage(0)
  }
  const pending = new Set()
  /** @param {HTMLElement | null} el */
  function visible(el) {
    if (!el)
      return false
    const style = getComputedStyle(el)
    if (style.display === 'none' || style.visibility === 'hidden')
      return false
    const box = el.getBoundingClientRect()
    return box.width > 0 && box.height > 0 && (el.innerText || '').trim().length > 0
  }
  /** @param {HTMLCanvasElement} canvas */
  function hasPixels(canvas) {
    if (!canvas.width || !canvas.height)
      return false
    const ctx = canvas.getContext('2d')
    if (!ctx)
      return false
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    for (let i = 3; i < data.length; i += 4 * 7) {
      if (data[i] !== 0)
        return true
    }
    return false
  }
  function frame() {
    for (const wrapper of document.querySelectorAll(/** @type {'div'} */ ('#slideshow > [data-slidev-no]'))) {
      const no = Number(wrapper.getAttribute('data-slidev-no'))
      if (wrapper.style.display === 'none')
        continue
      const layout = wrapper.querySelector(/** @type {'div'} */ ('.slidev-layout')) ?? wrapper
      if (shown[no] === undefined && !pending.has(`s${no}`) && visible(layout)) {
        pending.add(`s${no}`)
        afterPaint((t) => { shown[no] = t })
      }
      if (drawn[no] === undefined && !pending.has(`d${no}`)) {
        const canvases = [...wrapper.querySelectorAll('canvas')]
        if (canvases.length && canvases.every(hasPixels)) {
          pending.add(`d${no}`)
          afterPaint((t) => { drawn[no] = t })
        }
      }
    }
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

/**
 * @param {string} executablePath
 */
export async function launch(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
}

/**
 * One cold visit (fresh context, empty cache): first load, slide 1, then every slide in turn.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url deck origin, e.g. http://127.0.0.1:1234/
 * @param {number} slides how many slides the deck has
 * @param {'reduce' | 'no-preference'} [reducedMotion] the visitor's motion preference
 */
export async function measureVisit(browser, url, slides, reducedMotion = 'no-preference') {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion })
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
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })

  /** @type {Map<string, { url: string, type: string, start: number, end?: number, bytes: number, failed?: boolean }>} */
  const requests = new Map()
  let lastActivity = Date.now()
  cdp.on('Network.requestWillBeSent', (e) => {
    lastActivity = Date.now()
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', start: Date.now(), bytes: 0 })
  })
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId)
    if (r)
      r.type = e.type ?? r.type
  })
  cdp.on('Network.loadingFinished', (e) => {
    lastActivity = Date.now()
    const r = requests.get(e.requestId)
    if (r) {
      r.end = Date.now()
      r.bytes = e.encodedDataLength
    }
  })
  cdp.on('Network.loadingFailed', (e) => {
    lastActivity = Date.now()
    const r = requests.get(e.requestId)
    if (r) {
      r.end = Date.now()
      r.failed = true
    }
  })

  await page.goto(url, { waitUntil: 'commit' })
  // Quiet: nothing in flight and nothing started or finished for QUIET_MS.
  const quiet = async () => {
    for (;;) {
      const inFlight = [...requests.values()].some(r => r.end === undefined)
      if (!inFlight && Date.now() - lastActivity >= QUIET_MS)
        return
      await page.waitForTimeout(50)
    }
  }
  await page.waitForFunction(() => /** @type {ProbedWindow} */ (window).__bench?.shown[1] !== undefined, null, { timeout: 60_000, polling: 20 })
  await quiet()
  const firstLoad = summarise([...requests.values()], url)
  const slide1 = await page.evaluate(() => /** @type {ProbedWindow} */ (window).__bench.shown[1] ?? Number.NaN)

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
    const { shown, drawn, key } = await page.evaluate((n) => {
      const b = /** @type {ProbedWindow} */ (window).__bench
      return { shown: b.shown[n] ?? Number.NaN, drawn: b.drawn[n] ?? Number.NaN, key: b.keydowns.at(-1) ?? Number.NaN }
    }, no)
    next.push({ no, ms: shown - key })
    if (hasCanvas)
      charts.push({ no, enterToDrawnMs: drawn - shown, keyToDrawnMs: drawn - key })
  }
  const offsite = [...requests.values()].filter(r => !r.url.startsWith(url) && !r.url.startsWith('data:')).map(r => r.url)
  await context.close()
  return { firstLoad, slide1Ms: slide1, next, charts, offsite, errors }
}

/** @typedef {'js' | 'css' | 'fonts' | 'other'} Kind */
/** @typedef {{ requests: number, bytes: number, js: number, css: number, fonts: number, other: number, files: { path: string, kind: Kind, bytes: number }[] }} FirstLoad */

/**
 * @param {string} url
 * @param {string} type CDP resource type
 * @returns {Kind}
 */
function kind(url, type) {
  const path = new URL(url).pathname
  if (type === 'Script' || /\.m?js$/.test(path))
    return 'js'
  if (type === 'Stylesheet' || path.endsWith('.css'))
    return 'css'
  if (type === 'Font' || /\.(woff2?|ttf|otf)$/.test(path))
    return 'fonts'
  return 'other'
}

/**
 * @param {{ url: string, type: string, bytes: number }[]} requests
 * @param {string} base
 */
function summarise(requests, base) {
  /** @type {FirstLoad} */
  const out = { requests: 0, bytes: 0, js: 0, css: 0, fonts: 0, other: 0, files: [] }
  for (const r of requests) {
    if (r.url.startsWith('data:'))
      continue
    const k = kind(r.url, r.type)
    out.requests++
    out.bytes += r.bytes
    out[k] += r.bytes
    out.files.push({ path: r.url.startsWith(base) ? r.url.slice(base.length - 1) : r.url, kind: k, bytes: r.bytes })
  }
  out.files.sort((a, b) => b.bytes - a.bytes)
  return out
}
