// `npm run dev` while the speaker edits: saving a broken slide prints the deck check's error in the
// terminal and shows it in Vite's error overlay; saving the fix reloads the page without it.
import { spawn } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { launchChromium, ROOT, SLIDEV_BIN } from '../../scripts/lib.mjs'
import { SLIDES_MD } from '../support/deck'

// Beside slides.md, so it finds the deck's components, styles and config as slides.md does.
const entry = join(ROOT, `.deck-dev-${process.pid}.md`)
afterAll(() => rm(entry, { force: true }))

it('with 3030 taken, serves on the next port and prints it; reports a broken slide in the terminal and the overlay, and reloads clean once fixed', async () => {
  const source = await readFile(SLIDES_MD, 'utf8')
  expect(source).toContain('<EvidenceChart ')
  await writeFile(entry, source)
  // 3030 held, as by a deck left running in another terminal (if something holds it already, so much the better).
  const holder = createServer().on('error', () => {}).listen(3030)
  const dev = spawn(process.execPath, [SLIDEV_BIN, entry], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } })
  let terminal = ''
  dev.stdout.on('data', (d: Buffer) => { terminal += d })
  dev.stderr.on('data', (d: Buffer) => { terminal += d })
  const browser = await launchChromium()
  try {
    await expect.poll(() => /localhost:(\d+)/.exec(terminal)?.[1], { timeout: 120_000 }).toBeTruthy()
    const port = Number(/localhost:(\d+)/.exec(terminal)![1])
    expect(port, terminal).not.toBe(3030)
    const page = await browser.newPage()
    await page.goto(`http://localhost:${port}/1`)
    await page.locator('.slidev-page-1').first().waitFor({ timeout: 120_000 })
    // Record every overlay Vite puts up, with its text.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __overlays: string[] }).__overlays = [])
      new MutationObserver(records => records.flatMap(r => [...r.addedNodes]).forEach((n) => {
        if (n instanceof HTMLElement && n.localName === 'vite-error-overlay')
          seen.push(n.shadowRoot?.textContent ?? '')
      })).observe(document.body, { childList: true })
    })
    const overlays = () => page.evaluate(() => (window as unknown as { __overlays: string[] }).__overlays.join('\n'))
    const says = /slide \d+ \(".+"\) uses <EvidenceCharts>, which is not a component/

    await writeFile(entry, source.replace('<EvidenceChart ', '<EvidenceCharts '))
    await expect.poll(overlays, { timeout: 30_000 }).toMatch(says)
    expect(terminal).toMatch(says)

    const reloaded = page.waitForEvent('load', { timeout: 30_000 })
    await writeFile(entry, source)
    await reloaded
    await page.locator('.slidev-page-1').first().waitFor()
    expect(await page.locator('vite-error-overlay').count()).toBe(0)
  }
  finally {
    await browser.close()
    dev.kill()
    holder.close()
  }
})
