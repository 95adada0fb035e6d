import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SourcesList from '../../components/SourcesList.vue'
import { sources } from '../../snippets/sources'

describe('SourcesList', () => {
  it('lists every source of the registry, in order, with its short form and a link', () => {
    const wrapper = mount(SourcesList)
    const items = wrapper.findAll('li')
    expect(items.length).toBe(sources.length)
    expect(items.map(li => li.find('.wc-id').text())).toEqual(sources.map(s => s.id))
    expect(items[12]?.text()).toContain('Yonhap, Aug 2019')
    expect(items[12]?.find('a').attributes('href')).toBe('https://en.yna.co.kr/view/AEN20190822011700315')
    expect(items[12]?.find('a').text()).toBe('en.yna.co.kr')
  })

  it('says when a source was read through a copy on another site, next to that site\'s link', () => {
    const [s9, s12, s13] = mount(SourcesList, { props: { ids: ['S9', 'S12', 'S13'] } }).findAll('li')
    expect(s9?.text().replace(/\s+/g, ' ')).toContain('Yomiuri, Jul 2019, via FAN fluoridealert.org')
    expect(s12?.text()).not.toContain('via')
    // A bundled document read through a copy is named with its own link, not hidden behind the main one.
    expect(s13?.text().replace(/\s+/g, ' ')).toContain('VOA, via a forum copy vietjoy.com')
    expect(s13?.findAll('a').map(a => a.text())).toEqual(['korea.net', 'vietjoy.com'])
  })

  it('lists a range or a chosen set', () => {
    expect(mount(SourcesList, { props: { from: 'S7', to: 'S9' } }).findAll('.wc-id').map(e => e.text())).toEqual(['S7', 'S8', 'S9'])
    expect(mount(SourcesList, { props: { ids: ['S30', 'S0'] } }).findAll('.wc-id').map(e => e.text())).toEqual(['S0', 'S30'])
  })

  it('shows publisher, title, date and every URL in the full variant', () => {
    const wrapper = mount(SourcesList, { props: { ids: ['S8', 'S9'], variant: 'full' } })
    const [s8, s9] = wrapper.findAll('li')
    expect(s9?.text()).toContain('Yomiuri, via FAN, “Japan invokes export controls against S. Korea” (2019-07-04).')
    // S8 bundles three documents: its main entry and two more, each linked.
    const s8Source = sources.find(s => s.id === 'S8')
    expect(s8Source?.also).toHaveLength(2)
    expect(s8?.findAll('a').map(a => a.attributes('href'))).toEqual([s8Source!.url, ...s8Source!.also!.map(d => d.url)])
  })
})
