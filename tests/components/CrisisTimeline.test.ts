import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CrisisTimeline from '../../components/CrisisTimeline.vue'

type Wrapper = ReturnType<typeof mount>

const shown = (w: Wrapper) => w.findAll('li').filter(li => li.attributes('aria-hidden') !== 'true').map(li => li.find('time').text())

describe('CrisisTimeline', () => {
  it('is an ordered list of dated, sourced events for the range', () => {
    const wrapper = mount(CrisisTimeline, { props: { from: '2011', to: '2018' } })
    expect(wrapper.find('ol').exists()).toBe(true)
    const items = wrapper.findAll('ol > li')
    expect(items.length).toBe(8)
    expect(items[0]?.find('time').text()).toBe('30 Aug 2011')
    expect(items[0]?.find('time').attributes('datetime')).toBe('2011-08-30')
    expect(items[0]?.text()).toContain('Korea’s Constitutional Court rules')
    expect(items[0]?.find('cite').text()).toBe('Yonhap, Aug 2011')
    // A year-only fact shows only the year, in text and in machine-readable form.
    const ruling = items.find(li => li.text().includes('1965 accord'))
    expect(ruling?.find('time').text()).toBe('2012')
    expect(ruling?.find('time').attributes('datetime')).toBe('2012')
  })

  it('reveals one year per click across several years, nothing before the first click', async () => {
    const wrapper = mount(CrisisTimeline, { props: { from: '2011', to: '2018', clicks: 0 } })
    expect(shown(wrapper)).toEqual([])
    expect(wrapper.findAll('li.is-hidden').length).toBe(8)
    await wrapper.setProps({ clicks: 1 })
    expect(shown(wrapper)).toEqual(['30 Aug 2011', '18 Dec 2011'])
    await wrapper.setProps({ clicks: 2 })
    expect(shown(wrapper)).toEqual(['30 Aug 2011', '18 Dec 2011', '2012', '10 Aug 2012'])
    await wrapper.setProps({ clicks: 4 })
    expect(shown(wrapper).length).toBe(8)
  })

  it('reveals one event per click within a single year: the 2019 sanctions, dated 2019', async () => {
    const wrapper = mount(CrisisTimeline, { props: { from: 2019, to: 2019, clicks: 4 } })
    expect(shown(wrapper)).toEqual(['4 Jul 2019', '2 Aug 2019', '22 Aug 2019', '11 Sep 2019'])
    await wrapper.setProps({ clicks: 2 })
    expect(shown(wrapper)).toEqual(['4 Jul 2019', '2 Aug 2019'])
    expect(wrapper.text()).toContain('Korea announces GSOMIA termination')
  })

  it('shows everything when no clicks are passed (overview, handout)', () => {
    const wrapper = mount(CrisisTimeline, { props: { from: 2019, to: 2019 } })
    expect(wrapper.findAll('li.is-hidden')).toEqual([])
  })

  it('follows explicit steps', async () => {
    const wrapper = mount(CrisisTimeline, {
      props: { clicks: 1, steps: [['jp-white-list-2019', 'kr-white-list-2019'], ['gsomia-notice-2019']] },
    })
    expect(shown(wrapper)).toEqual(['2 Aug 2019', '12 Aug 2019'])
    await wrapper.setProps({ clicks: 2 })
    expect(shown(wrapper)).toEqual(['2 Aug 2019', '12 Aug 2019', '22 Aug 2019'])
  })

  it('keeps compounds in event titles whole and steps the type down for a long list', () => {
    const short = mount(CrisisTimeline, { props: { steps: [['constitutional-court-2011'], ['supreme-court-2012']] } })
    const kept = short.findAll('.wc-event .wc-nowrap').map(s => s.text())
    expect(kept).toContain('comfort-women')
    expect(kept.some(k => /^forced-labou?r$/.test(k))).toBe(true)
    expect(short.find('ol').classes()).not.toContain('is-dense')
    const eight = mount(CrisisTimeline, { props: { from: '2011', to: '2018' } })
    expect(eight.findAll('li').length).toBe(8)
    expect(eight.find('ol').classes()).toContain('is-compact')
    const dense = mount(CrisisTimeline, { props: { ids: ['constitutional-court-2011', 'supreme-court-2012', 'comfort-women-deal-2015', 'nippon-steel-ruling-2018', 'foundation-dissolution-2018'] } })
    expect(dense.find('ol').classes()).toContain('is-dense')
  })

  it('refuses an unknown event id by name', () => {
    expect(() => mount(CrisisTimeline, { props: { ids: ['gsomia-2018'] } })).toThrow('no event with id "gsomia-2018"')
  })
})
