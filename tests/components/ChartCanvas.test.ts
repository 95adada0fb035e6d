import { mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import type { ChartData } from 'chart.js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import ChartCanvas from '../../components/ChartCanvas.vue'
import { installDomStubs, PALETTE } from '../support/dom-stubs'

type Data = ChartData<'bar' | 'line', (number | null)[], string>

const data = (values: number[], colour = 'var(--wc-kr)'): Data => ({
  labels: values.map((_, i) => `${2018 + i}`),
  datasets: [{ label: 'HF imports', data: values, backgroundColor: colour }],
})

function chartOf(wrapper: ReturnType<typeof mount>): Chart {
  const chart = Chart.getChart(wrapper.find('canvas').element)
  if (!chart)
    throw new Error('no chart on the canvas')
  return chart
}

beforeEach(() => installDomStubs())
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  document.documentElement.className = ''
})

describe('ChartCanvas', () => {
  it('hands chart.js the type, labels and data, on a canvas that is an image with a label', () => {
    const wrapper = mount(ChartCanvas, { props: { type: 'bar', data: data([66.86, 36.34, 9.38]), ariaLabel: 'Imports fell 86%' }, attachTo: document.body })
    const chart = chartOf(wrapper)
    expect((chart.config as { type?: string }).type).toBe('bar')
    expect(chart.data.labels).toEqual(['2018', '2019', '2020'])
    expect(chart.data.datasets[0]?.data).toEqual([66.86, 36.34, 9.38])
    const canvas = wrapper.find('canvas')
    expect(canvas.attributes('role')).toBe('img')
    expect(canvas.attributes('aria-label')).toBe('Imports fell 86%')
    wrapper.unmount()
  })

  it('registers only the parts the deck draws, not chart.js/auto', () => {
    mount(ChartCanvas, { props: { type: 'line', data: data([1]), ariaLabel: 'x' } }).unmount()
    expect(Chart.registry.getController('bar')).toBeDefined()
    expect(Chart.registry.getController('line')).toBeDefined()
    expect(() => Chart.registry.getController('pie')).toThrow(/not a registered controller/)
    expect(() => Chart.registry.getPlugin('legend')).toThrow()
  })

  it('paints with the theme\'s CSS variables and repaints when the theme changes', async () => {
    const wrapper = mount(ChartCanvas, { props: { type: 'bar', data: data([1, 2]), ariaLabel: 'x' }, attachTo: document.body })
    const chart = chartOf(wrapper)
    expect(chart.data.datasets[0]?.backgroundColor).toBe(PALETTE['--wc-kr'])
    const update = vi.spyOn(chart, 'update')
    document.documentElement.style.setProperty('--wc-kr', '#4fd1a5')
    document.documentElement.classList.add('dark')
    await new Promise(resolve => setTimeout(resolve, 0)) // MutationObserver callbacks are microtasks
    // At once: an animated update would grow the bars again from zero.
    expect(update).toHaveBeenCalledWith('none')
    expect(chart.data.datasets[0]?.backgroundColor).toBe('#4fd1a5')
    document.documentElement.style.setProperty('--wc-kr', PALETTE['--wc-kr'])
    wrapper.unmount()
  })

  it('destroys its chart on unmount, so no canvas is left bound', () => {
    const destroy = vi.spyOn(Chart.prototype, 'destroy')
    const wrapper = mount(ChartCanvas, { props: { type: 'bar', data: data([1, 2]), ariaLabel: 'x' }, attachTo: document.body })
    const canvas = wrapper.find('canvas').element
    expect(Chart.getChart(canvas)).toBeDefined()
    wrapper.unmount()
    expect(destroy).toHaveBeenCalledTimes(1)
    expect(Chart.getChart(canvas)).toBeUndefined()
  })

  it('updates the same chart in place when the data changes', async () => {
    const wrapper = mount(ChartCanvas, { props: { type: 'bar', data: data([1, 2]), ariaLabel: 'x' }, attachTo: document.body })
    const chart = chartOf(wrapper)
    const update = vi.spyOn(chart, 'update')
    await wrapper.setProps({ data: data([5, 6, 7]) })
    expect(update).toHaveBeenCalledTimes(1)
    expect(chartOf(wrapper)).toBe(chart)
    expect(chart.data.datasets[0]?.data).toEqual([5, 6, 7])
    expect(chart.data.labels).toEqual(['2018', '2019', '2020'])
    wrapper.unmount()
  })

  it('replaces the chart when the type changes', async () => {
    const wrapper = mount(ChartCanvas, { props: { type: 'bar', data: data([1, 2]), ariaLabel: 'x' }, attachTo: document.body })
    const first = chartOf(wrapper)
    await wrapper.setProps({ type: 'line' })
    await nextTick()
    expect(chartOf(wrapper)).not.toBe(first)
    expect((chartOf(wrapper).config as { type?: string }).type).toBe('line')
    wrapper.unmount()
  })

  it('animates on screen but not in print mode', async () => {
    const screen = mount(ChartCanvas, { props: { type: 'bar', data: data([1]), ariaLabel: 'x' }, attachTo: document.body })
    expect(chartOf(screen).options.animation).not.toBe(false)
    await screen.setProps({ print: true })
    expect(chartOf(screen).options.animation).toBe(false)
    screen.unmount()
    const printed = mount(ChartCanvas, { props: { type: 'bar', data: data([1]), ariaLabel: 'x', print: true }, attachTo: document.body })
    expect(chartOf(printed).options.animation).toBe(false)
    printed.unmount()
    // Slidev's print view, where `print` arrives false: its address says ?print.
    window.history.replaceState(null, '', '/print?print=true')
    const view = mount(ChartCanvas, { props: { type: 'bar', data: data([1]), ariaLabel: 'x' }, attachTo: document.body })
    expect(chartOf(view).options.animation).toBe(false)
    view.unmount()
    window.history.replaceState(null, '', '/')
  })

  it('does not animate when the viewer asks for reduced motion', () => {
    vi.unstubAllGlobals()
    installDomStubs({ reducedMotion: true })
    const wrapper = mount(ChartCanvas, { props: { type: 'bar', data: data([1]), ariaLabel: 'x' }, attachTo: document.body })
    expect(chartOf(wrapper).options.animation).toBe(false)
    wrapper.unmount()
  })

  it('waits while its slide is hidden and draws at full size in the frame the slide shows', () => {
    // Slidev mounts the neighbouring slides with display: none, where the chart's box has no size.
    let callback: (() => void) | undefined
    const observed: Element[] = []
    const disconnect = vi.fn()
    vi.stubGlobal('ResizeObserver', class {
      constructor(cb: () => void) { callback = cb }
      observe(el: Element): void { observed.push(el) }
      unobserve(): void {}
      disconnect = disconnect
    })
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(0)
    const wrapper = mount(ChartCanvas, { props: { type: 'bar', data: data([1, 2]), ariaLabel: 'x' }, attachTo: document.body })
    const canvas = wrapper.find('canvas').element
    expect(Chart.getChart(canvas)).toBeUndefined()
    expect(observed).toEqual([canvas.parentElement])
    callback?.() // a resize that leaves it hidden changes nothing
    expect(Chart.getChart(canvas)).toBeUndefined()
    width.mockReturnValue(800)
    callback?.()
    expect(Chart.getChart(canvas)?.width).toBe(800)
    expect(disconnect).toHaveBeenCalled()
    wrapper.unmount()
    expect(Chart.getChart(canvas)).toBeUndefined()
  })

  it('leaves nothing behind when a slide is unmounted before it was ever shown', () => {
    const disconnect = vi.fn()
    vi.stubGlobal('ResizeObserver', class {
      observe(): void {}
      disconnect = disconnect
    })
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(0)
    const destroy = vi.spyOn(Chart.prototype, 'destroy')
    const wrapper = mount(ChartCanvas, { props: { type: 'bar', data: data([1, 2]), ariaLabel: 'x' }, attachTo: document.body })
    wrapper.unmount()
    expect(disconnect).toHaveBeenCalled()
    expect(destroy).not.toHaveBeenCalled()
  })
})
