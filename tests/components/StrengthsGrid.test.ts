import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import StrengthsGrid from '../../components/StrengthsGrid.vue'

describe('StrengthsGrid', () => {
  it('sets out each ally\'s strengths in its own column, with figures and sources', () => {
    const wrapper = mount(StrengthsGrid)
    expect(wrapper.findAll('section h3').map(h => h.text())).toEqual(['South Korea', 'Japan', 'United States', 'Shared exposure'])
    const korea = wrapper.find('section.is-kr')
    expect(korea.findAll('.wc-figure').map(f => f.text())).toEqual(['72.8%', '46.6%'])
    expect(korea.text()).toContain('of world DRAM revenue')
    expect(korea.text()).toContain('(TrendForce 2023)')
    expect(wrapper.find('section.is-jp .wc-figure').text()).toBe('about 50%')
  })

  it('marks exposures as such and puts the shared one along the bottom', () => {
    const wrapper = mount(StrengthsGrid)
    const us = wrapper.find('section.is-us')
    expect(us.find('li.is-exposure').text().replace(/\s+/g, ' ')).toContain('about 12% of chip-making capacity in the US (exposure)')
    expect(wrapper.find('.wc-shared').text().replace(/\s+/g, ' ')).toContain('87% of rare-earth processing in China')
  })

  it('gives each entry a column of its own when there are four or fewer, an ally with two spanning two', () => {
    const wrapper = mount(StrengthsGrid, { props: { ids: ['dram', 'ev-batteries', 'chip-materials', 'chip-sales', 'rare-earth-processing'] } })
    const grid = wrapper.find('.wc-strengths')
    expect(grid.classes()).toContain('is-spread')
    expect(grid.attributes('style')).toContain('--tracks: 4')
    expect(wrapper.find('section.is-kr').attributes('style')).toContain('--span: 2')
    expect(wrapper.find('section.is-jp').attributes('style')).toContain('--span: 1')
    // Seven entries stack in three columns instead.
    expect(mount(StrengthsGrid).find('.wc-strengths').classes()).not.toContain('is-spread')
  })

  it('sets "about" apart from the figure, and keeps compounds whole', () => {
    const wrapper = mount(StrengthsGrid, { props: { ids: ['chip-materials', 'ev-batteries'] } })
    const figure = wrapper.find('section.is-jp .wc-figure')
    expect(figure.find('.wc-about').text()).toBe('about')
    expect(figure.text().replace(/\s+/g, ' ')).toBe('about 50%')
    expect(wrapper.findAll('.wc-nowrap').map(s => s.text())).toEqual(expect.arrayContaining(['chip-materials', 'Jan–Sep', 'Jan–Feb']))
  })

  it('shows only the chosen entries', () => {
    const wrapper = mount(StrengthsGrid, { props: { ids: ['dram', 'chip-materials'] } })
    expect(wrapper.findAll('.wc-figure').map(f => f.text())).toEqual(['72.8%', 'about 50%'])
    expect(wrapper.find('section.is-us').exists()).toBe(false)
    expect(wrapper.find('.wc-shared').exists()).toBe(false)
  })
})
