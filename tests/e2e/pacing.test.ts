import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, serveStatic } from '../../scripts/lib.mjs'
import type { StaticServer } from '../../scripts/lib.mjs'
import { loadDeck } from '../support/deck'
import type { DeckSlide } from '../../lib/deck-rules'
import { acts } from '../../snippets/acts'

// The pacing indicator is for the speaker: it must be in the presenter view of the built deck,
// follow Slidev's own presenter timer, and never reach the audience's screen or print.
let server: StaticServer
let browser: Browser
let slides: DeckSlide[]

beforeAll(async () => {
  server = await serveStatic(inject('distDir'))
  browser = await launchChromium()
  slides = (await loadDeck()).slides
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const PACING = { name: 'Pacing against the act budgets' } as const

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } })
  await page.goto(new URL(path, server.url).href)
  await page.locator('.slidev-page').first().waitFor({ state: 'attached' })
  return page
}

function actTitle(no: number): string {
  const act = acts.find(a => a.id === slides[no - 1]?.act)
  if (!act)
    throw new Error(`slide ${no} has no known act`)
  return act.title
}

describe('pacing indicator', () => {
  it('shows the current act and its budget in the presenter view', async () => {
    const no = Math.min(2, slides.length)
    const page = await open(`presenter/${no}`)
    const pacing = page.getByRole('group', PACING)
    await expect.poll(() => pacing.isVisible()).toBe(true)
    const text = await pacing.innerText()
    expect(text).toContain(actTitle(no))
    expect(text).toMatch(/plan \d+:\d\d–\d+:\d\d · now 0:00/)
    expect(text).toContain('timer not started')
    await page.close()
  })

  it('follows the act as the speaker moves on', async () => {
    const last = slides.length
    const page = await open(`presenter/${last}`)
    await expect.poll(() => page.getByRole('group', PACING).innerText()).toContain(actTitle(last))
    await page.close()
  })

  it('runs off Slidev\'s presenter timer: start counts, pause freezes, reset clears', async () => {
    const page = await open('presenter/1')
    const pacing = page.getByRole('group', PACING)
    await pacing.waitFor()
    // The buttons write Slidev's shared timer: its own clock (0:02) counts along.
    await page.getByRole('button', { name: 'Start the timer' }).click()
    await expect.poll(() => pacing.innerText(), { timeout: 10_000 }).toMatch(/now 0:0[2-9]/)
    expect(await pacing.innerText()).not.toContain('timer not started')
    expect(await page.getByText(/^\s*\d{1,2}\s*:\s*0[1-9]\s*$/).count()).toBeGreaterThan(0)

    await page.getByRole('button', { name: 'Pause the timer' }).click()
    const frozen = (await pacing.innerText()).match(/now (\d+:\d\d)/)?.[1]
    expect(await pacing.innerText()).toContain('(paused)')
    await page.waitForTimeout(2_000)
    expect((await pacing.innerText()).match(/now (\d+:\d\d)/)?.[1]).toBe(frozen)

    await page.getByRole('button', { name: 'Reset the timer' }).click()
    await expect.poll(() => pacing.innerText()).toContain('now 0:00')
    expect(await pacing.innerText()).toContain('timer not started')
    await page.close()
  })

  it('never appears on the audience\'s screen', async () => {
    const no = Math.min(2, slides.length)
    const page = await open(`${no}`)
    // Reveal the hover-only navigation bar, where the presenter shows it.
    await page.mouse.move(20, 880)
    await page.waitForTimeout(500)
    expect(await page.locator('.slidev-page').count()).toBeGreaterThan(0)
    expect(await page.getByRole('group', PACING).count()).toBe(0)
    expect(await page.locator('.wc-pacing').count()).toBe(0)
    await page.close()
  })

  it('is not on a slide in print mode, as the exports render it', async () => {
    const no = Math.min(2, slides.length)
    const page = await open(`${no}?print`)
    await expect.poll(() => page.locator(`.slidev-page-${no}`).innerText()).not.toBe('')
    expect(await page.getByRole('group', PACING).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Start the timer' }).count()).toBe(0)
    await page.close()
  })
})
