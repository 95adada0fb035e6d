import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AllianceTriangle from '../../components/AllianceTriangle.vue'

const STATES = ['frayed', 'mending', 'unattended', 'reinforced'] as const

describe('AllianceTriangle', () => {
  it.each(STATES)('%s: an SVG image whose title, description and caption name the state', (state) => {
    const wrapper = mount(AllianceTriangle, { props: { state } })
    const svg = wrapper.find('svg')
    expect(svg.attributes('role')).toBe('img')
    const [titleId, descId] = (svg.attributes('aria-labelledby') ?? '').split(' ')
    expect(wrapper.find(`title[id="${titleId}"]`).text()).toBe(`Alliance triangle: the Japan–Korea side is ${state}`)
    expect(wrapper.find(`desc[id="${descId}"]`).text()).toContain(`The line between Japan and South Korea is ${state}.`)
    expect(wrapper.find('figcaption').text()).toMatch(new RegExp(`^Japan–Korea: ${state}\\.`))
    expect(wrapper.find('text.wc-state').text().toLowerCase()).toBe(state)
    for (const name of ['United States', 'South Korea', 'Japan'])
      expect(svg.text()).toContain(name)
  })

  it('draws the third side differently in each state; the alliances stay solid', () => {
    const look = STATES.map((state) => {
      const side = mount(AllianceTriangle, { props: { state } }).find('line.wc-third-side')
      return `${side.attributes('stroke-dasharray')}|${side.attributes('stroke-width')}|${side.attributes('stroke')}`
    })
    expect(new Set(look).size).toBe(4)
    const reinforced = mount(AllianceTriangle, { props: { state: 'reinforced' } }).find('line.wc-third-side')
    expect(reinforced.attributes('stroke-dasharray')).toBe('none')
    expect(reinforced.attributes('stroke')).toBe('var(--wc-accent)')
    const frayed = mount(AllianceTriangle, { props: { state: 'frayed' } })
    expect(frayed.find('line.wc-third-side').attributes('stroke-dasharray')).not.toBe('none')
    expect(frayed.findAll('line.wc-alliance').length).toBe(2)
  })

  it('marks the absent broker only when the side is left unattended', () => {
    expect(mount(AllianceTriangle, { props: { state: 'unattended' } }).find('line.wc-absent').exists()).toBe(true)
    expect(mount(AllianceTriangle, { props: { state: 'mending' } }).find('line.wc-absent').exists()).toBe(false)
  })

  it('can stand without its caption (the cover) and keeps its compounds whole in it', () => {
    const bare = mount(AllianceTriangle, { props: { state: 'frayed', caption: false } })
    expect(bare.find('figcaption').exists()).toBe(false)
    // The drawing still says everything to assistive technology.
    expect(bare.find('desc').text()).toContain('Japan–Korea: frayed.')
    const captioned = mount(AllianceTriangle, { props: { state: 'reinforced' } })
    expect(captioned.findAll('figcaption .wc-nowrap').map(s => s.text())).toEqual(expect.arrayContaining(['Japan–Korea', 'US-led', 'economic-security']))
  })

  it('draws the same geometry in every state, so it does not move between slides', () => {
    const geometry = STATES.map((state) => {
      const w = mount(AllianceTriangle, { props: { state } })
      return JSON.stringify([w.find('svg').attributes('viewBox'), ...w.findAll('circle').map(c => [c.attributes('cx'), c.attributes('cy'), c.attributes('r')])])
    })
    expect(new Set(geometry).size).toBe(1)
  })

  it('follows the state prop as the slide clicks on', async () => {
    const wrapper = mount(AllianceTriangle, { props: { state: 'frayed' } })
    await wrapper.setProps({ state: 'mending' })
    expect(wrapper.find('figure').classes()).toContain('is-mending')
    expect(wrapper.find('figcaption').text()).toMatch(/^Japan–Korea: mending/)
  })
})
