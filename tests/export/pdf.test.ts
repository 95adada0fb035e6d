import { execFileSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { loadDeck } from '../support/deck'
import { run } from '../support/run'

const pdf = join(inject('runDir'), 'export', 'deck.pdf')

describe('npm run export', () => {
  let exported: Awaited<ReturnType<typeof run>>
  beforeAll(async () => {
    await rm(pdf, { force: true })
    exported = await run('npm', ['run', '--silent', 'export', '--', '--output', pdf])
  })

  it('exits 0 and writes one PDF page per slide', async () => {
    expect(exported.code, exported.stderr).toBe(0)
    const { slides } = await loadDeck()
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slides.length)
  })

  it('embeds every font', () => {
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts)
      expect(line.split(/\s+/).at(-5), line).toBe('yes')
  })
})

describe('npm run export without a browser', () => {
  it('fails with one line saying how to get one, not a stack trace', async () => {
    const res = await run('node', ['scripts/export.mjs'], { CHROMIUM_PATH: '/nonexistent/chromium' })
    expect(res.code).not.toBe(0)
    const lines = res.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/No Chromium found.*apt-get install -y chromium.*CHROMIUM_PATH/)
    expect(res.stderr).not.toMatch(/\bat .+:\d+:\d+/)
  })
})
