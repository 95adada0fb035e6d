import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BigStat from '../../components/BigStat.vue'

describe('BigStat', () => {
  it('shows the number, what it means and its source', () => {
    const wrapper = mount(BigStat, { props: { value: '12 years', label: 'since the last stand-alone summit', sources: 'S5', tone: 'kr' } })
    expect(wrapper.find('.wc-value').text()).toBe('12 years')
    expect(wrapper.find('figcaption').text()).toBe('since the last stand-alone summit (Kantei 2011)')
    expect(wrapper.find('figure').classes()).toContain('tone-kr')
  })

  it('keeps compounds in its label whole', () => {
    const wrapper = mount(BigStat, { props: { value: '12 years', label: 'since the last stand-alone summit', sources: 'S5' } })
    expect(wrapper.findAll('.wc-label .wc-nowrap').map(s => s.text())).toEqual(['stand-alone'])
  })

  it('defaults to the neutral tone and accepts several sources', () => {
    const wrapper = mount(BigStat, { props: { value: '6 hours', label: 'before GSOMIA would have expired', sources: ['S13', 'S12'] } })
    expect(wrapper.find('figure').classes()).toContain('tone-neutral')
    expect(wrapper.findAll('cite').map(c => c.text())).toEqual(['Korea.net 2019; VOA', 'Yonhap, Aug 2019'])
  })
})
