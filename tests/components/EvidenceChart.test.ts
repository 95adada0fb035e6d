import { mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import EvidenceChart from '../../components/EvidenceChart.vue'
import { installDomStubs, PALETTE } from './dom-stubs'

type Wrapper = ReturnType<typeof mount>

function chartOf(wrapper: Wrapper): Chart {
  const chart = Chart.getChart(wrapper.find('canvas').element)
  if (!chart)
    throw new Error('no chart on the canvas')
  return chart
}

/** Text chart.js (through the direct-label plugin) wrote on the canvas. */
function drawnText(wrapper: Wrapper): string[] {
  const ctx = wrapper.find('canvas').element.getContext('2d') as unknown as { __getEvents: () => { type: string, props: { text?: string } }[] }
  return ctx.__getEvents().filter(e => e.type === 'fillText').map(e => String(e.props.text))
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
  it('states the finding as the title and as the chart\'s accessible name', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'boycott-months', print: true }, attachTo: document.body })
    const finding = 'By November 2019, Korean visits to Japan were down 65% on a year earlier'
    expect(wrapper.find('figcaption').text()).toBe(finding)
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

  it('labels the values on the chart instead of using a legend', () => {
    const wrapper = mount(EvidenceChart, { props: { series: 'hf-imports', print: true }, attachTo: document.body })
    expect(drawnText(wrapper)).toEqual(expect.arrayContaining(['$66.86m', '$36.34m', '$9.38m']))
    expect(() => Chart.registry.getPlugin('legend')).toThrow()
    wrapper.unmount()
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
    expect(source).toMatch(/^Source: BusinessKorea \(Woori FRI\); MOTIE\/KCS data 2021\. The 86% is computed from the figures shown/)
    wrapper.unmount()
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
