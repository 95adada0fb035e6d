import { mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import EvidenceChart from '../../components/EvidenceChart.vue'
import { installDomStubs, PALETTE } from '../support/dom-stubs'

type Wrapper = ReturnType<typeof mount>

function chartOf(wrapper: Wrapper): Chart {
  const chart = Chart.getChart(wrapper.find('canvas').element)
  if (!chart)
    throw new Error('no chart on the canvas')
  return chart
}

interface CanvasEvent { type: string, props: { text?: string, value?: string, x?: number, y?: number } }
const events = (wrapper: Wrapper) => (wrapper.find('canvas').element.getContext('2d') as unknown as { __getEvents: () => CanvasEvent[] }).__getEvents()

/** Text chart.js (through the direct-label plugin) wrote on the canvas. */
function drawnText(wrapper: Wrapper): string[] {
  return events(wrapper).filter(e => e.type === 'fillText').map(e => String(e.props.text))
}

/** Each text written on the canvas with the fill colour and position it was written with. */
function drawnLabels(wrapper: Wrapper): { text: string, colour: string, x: number, y: number }[] {
  let colour = ''
  const out: { text: string, colour: string, x: number, y: number }[] = []
  for (const e of events(wrapper)) {
    if (e.type === 'fillStyle')
      colour = String(e.props.value)
    if (e.type === 'fillText')
      out.push({ text: String(e.props.text), colour, x: Number(e.props.x), y: Number(e.props.y) })
  }
  return out
}

function tableRows(wrapper: Wrapper): string[][] {
  return wrapper.findAll('table tr').map(tr => tr.findAll('th, td').map(c => c.text()))
}

beforeEach(() => installDomStubs())
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('EvidenceChart', () => {
  it('states the finding as the slide\'s headline and as the chart\'s accessible name', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'boycott-months', print: true }, attachTo: document.body })
    const finding = 'By November 2019, Korean visits to Japan were down 65% on a year earlier'
    expect(wrapper.find('figcaption').text()).toBe(finding)
    // A headline like every other slide's: the h1, at headline size.
    expect(wrapper.find('figcaption h1').text()).toBe(finding)
    const canvas = wrapper.find('canvas')
    expect(canvas.attributes('role')).toBe('img')
    expect(canvas.attributes('aria-label')).toMatch(new RegExp(`^${finding}\\. Bar chart of Korean visitors to Japan, change on a year earlier, Aug 2019 to Nov 2019`))
    wrapper.unmount()
  })

  it('hands chart.js the series\' type, labels and values, coloured by country', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'hf-imports', print: true }, attachTo: document.body })
    const chart = chartOf(wrapper)
    expect((chart.config as { type?: string }).type).toBe('bar')
    expect(chart.data.labels).toEqual(['2018', '2019', '2020'])
    expect(chart.data.datasets.map(d => d.data)).toEqual([[66.86, 36.34, 9.38]])
    expect(chart.data.datasets[0]?.backgroundColor).toEqual([PALETTE['--wc-jp'], PALETTE['--wc-jp'], PALETTE['--wc-jp']])
    wrapper.unmount()
  })

  it('labels the values on the chart, rounded as the series says, with no legend and no value axis to repeat them', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'hf-imports', print: true }, attachTo: document.body })
    const text = drawnText(wrapper)
    expect(text).toEqual(expect.arrayContaining(['$67m', '$36m', '$9m']))
    expect(text).not.toContain('$66.86m')
    expect(() => Chart.registry.getPlugin('legend')).toThrow()
    expect(chartOf(wrapper).options.scales?.y?.display).toBe(false)
    // The table keeps every digit.
    expect(tableRows(wrapper)).toContainEqual(['2018', '$66.86m'])
    wrapper.unmount()
  })

  it('marks the change the finding names on the chart, computed from the values', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'hf-imports', print: true }, attachTo: document.body })
    // 9.38 against 66.86: −85.97%, written whole.
    expect(drawnText(wrapper)).toContain('−86%')
    wrapper.unmount()
    const beer = mount(EvidenceChart, { props: { series: 'beer-imports', print: true }, attachTo: document.body })
    expect(drawnText(beer).filter(t => t.endsWith('%'))).toEqual([])
    beer.unmount()
  })

  it('draws estimates hollow and dashed and names each line by its start', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'poll-impressions', print: true }, attachTo: document.body })
    const chart = chartOf(wrapper)
    expect((chart.config as { type?: string }).type).toBe('line')
    const korea = chart.data.datasets[0] as { pointBackgroundColor?: unknown }
    const colours = korea.pointBackgroundColor as string[]
    expect(colours[0]).toBe(PALETTE['--wc-kr']) // 2013, verified
    expect(colours[3]).toBe(PALETTE['--wc-bg']) // 2016, estimate: hollow
    const text = drawnText(wrapper)
    expect(text).toEqual(expect.arrayContaining(['Koreans with a bad impression of Japan', 'Japanese with a bad impression of Korea', '71.6%', '49.9% (est.)']))
    // A small key on the chart explains the hollow points.
    expect(text).toContain('estimate')
    wrapper.unmount()
  })

  it('colours each line\'s labels like the line', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'poll-impressions', print: true }, attachTo: document.body })
    const labels = drawnLabels(wrapper)
    const colourOf = (t: string) => labels.find(l => l.text === t)?.colour
    for (const t of ['Koreans with a bad impression of Japan', '76.6%', '71.6%', '53.3%'])
      expect(colourOf(t), t).toBe(PALETTE['--wc-kr'])
    for (const t of ['Japanese with a bad impression of Korea', '37.3%', '49.9% (est.)', '32.8%'])
      expect(colourOf(t), t).toBe(PALETTE['--wc-jp'])
    wrapper.unmount()
  })

  it('places line labels where they touch no other label, even where the lines meet (2019: both 49.9%)', () => {
    // The canvas mock measures every text as 0 px wide; give it a width like Inter's at 17 px.
    vi.spyOn(CanvasRenderingContext2D.prototype, 'measureText').mockImplementation(t => ({ width: t.length * 9 }) as TextMetrics)
    const wrapper = mount(EvidenceChart, { props: { series: 'poll-impressions', print: true }, attachTo: document.body })
    const boxes = drawnLabels(wrapper)
      .filter(l => /%|impression/.test(l.text))
      .map(l => ({ text: l.text, x0: l.x, x1: l.x + l.text.length * 9, y0: l.y - 8.5, y1: l.y + 8.5 }))
    expect(boxes.map(b => b.text)).toEqual(expect.arrayContaining(['49.9%', '49.9% (est.)']))
    const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1)
      .filter(b => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
      .map(b => `${a.text} / ${b.text}`))
    expect(clashes).toEqual([])
    const a = boxes.find(b => b.text === '49.9%')!
    const b = boxes.find(b => b.text === '49.9% (est.)')!
    expect(Math.abs(a.y0 - b.y0)).toBeGreaterThanOrEqual(17)
    wrapper.unmount()
  })

  it('sets apart the figures published after the article, on the chart and in the table', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'poll-impressions', print: true }, attachTo: document.body })
    expect(drawnText(wrapper)).toContain('2023: published after the article')
    expect(tableRows(wrapper).find(r => r[0]?.startsWith('2023'))?.[0]).toBe('2023 (published after the article)')
    expect(tableRows(wrapper).find(r => r[0]?.startsWith('2022'))?.[0]).toBe('2022')
    wrapper.unmount()
  })

  it('gives every figure to assistive technology in a table, estimates and gaps spelled out', () => {
    const poll = mount(EvidenceChart, { props: { series: 'poll-impressions', print: true } })
    const rows = tableRows(poll)
    expect(rows[0]).toEqual(['Period', 'Koreans with a bad impression of Japan (% of respondents or of supply)', 'Japanese with a bad impression of Korea (% of respondents or of supply)'])
    expect(rows).toContainEqual(['2016', '61% (est.)', '44.6% (est.)'])
    expect(rows).toContainEqual(['2020', '71.6%', '46.3%'])
    expect(poll.find('table caption').text()).toBe(poll.find('figcaption').text())
    poll.unmount()
    const meetings = mount(EvidenceChart, { props: { series: 'leader-meetings', print: true } })
    expect(tableRows(meetings)).toContainEqual(['2017', 'no verified figure'])
    meetings.unmount()
  })

  it('puts a source line with short forms and the caveat under the chart', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'hf-imports', print: true } })
    const source = wrapper.find('.wc-source').text().replace(/\s+/g, ' ')
    expect(source).toMatch(/^Source: BusinessKorea \(Woori FRI\); ChinaFlashMarket \(MOTIE 2021\)\. The 86% is computed from the figures shown/)
    wrapper.unmount()
  })

  it('sets what the slide adds under the chart above the source line, which stays last', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'chemicals-dependence', print: true }, slots: { default: '<p class="wc-lede">My reasoning</p>' } })
    const order = [...wrapper.find('figure').element.children].map(c => c.className || c.tagName.toLowerCase())
    expect(order.indexOf('wc-chart-note')).toBeLessThan(order.indexOf('wc-source'))
    expect(order.at(-1)).toBe('wc-source')
    expect(wrapper.find('.wc-chart-note').text()).toBe('My reasoning')
    expect(mount(EvidenceChart, { props: { series: 'hf-imports', print: true } }).find('.wc-chart-note').exists()).toBe(false)
  })

  it('is drawn without animation in print mode', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'beer-imports', print: true }, attachTo: document.body })
    expect(chartOf(wrapper).options.animation).toBe(false)
    wrapper.unmount()
  })

  it('updates its chart when the slide switches series, and destroys it on unmount', async () => {
    const update = vi.spyOn(Chart.prototype, 'update')
    const destroy = vi.spyOn(Chart.prototype, 'destroy')
    const wrapper = mount(EvidenceChart, { props: { series: 'hf-imports', print: true }, attachTo: document.body })
    const chart = chartOf(wrapper)
    update.mockClear()
    await wrapper.setProps({ series: 'beer-imports' })
    expect(update).toHaveBeenCalled()
    expect(chartOf(wrapper)).toBe(chart)
    expect(chart.data.labels).toEqual(['2018', '2019', '2020', '2021'])
    expect(wrapper.find('figcaption').text()).toMatch(/^Japanese beer imports/)
    expect(drawnText(wrapper)).toEqual(expect.arrayContaining(['$78.3m', '$5.67m']))
    wrapper.unmount()
    expect(destroy).toHaveBeenCalledTimes(1)
  })

  it('renders the same markup every time (no clock, no randomness)', () => {
    const a = mount(EvidenceChart, { props: { series: 'leader-meetings', print: true } })
    const b = mount(EvidenceChart, { props: { series: 'leader-meetings', print: true } })
    expect(a.html()).toBe(b.html())
    a.unmount()
    b.unmount()
  })
})
