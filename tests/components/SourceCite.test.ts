import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SourceCite from '../../components/SourceCite.vue'

const cites = (w: ReturnType<typeof mount>) => w.findAll('cite').map(c => c.text())

describe('SourceCite', () => {
  it('resolves an id to its short form', () => {
    const wrapper = mount(SourceCite, { props: { ids: 'S12' } })
    expect(cites(wrapper)).toEqual(['Yonhap, Aug 2019'])
    expect(wrapper.text()).toBe('(Yonhap, Aug 2019)')
    expect(wrapper.find('cite').attributes('title')).toBe('Yonhap')
  })

  it('lists several ids, from an array or a comma list, once each and in order', () => {
    expect(cites(mount(SourceCite, { props: { ids: ['S9', 'S10'] } }))).toEqual(['Yomiuri, Jul 2019', 'Dong-A Ilbo, Aug 2019'])
    const wrapper = mount(SourceCite, { props: { ids: 'S9, S10 S9' } })
    expect(cites(wrapper)).toEqual(['Yomiuri, Jul 2019', 'Dong-A Ilbo, Aug 2019'])
    expect(wrapper.text()).toBe('(Yomiuri, Jul 2019; Dong-A Ilbo, Aug 2019)')
    expect(mount(SourceCite, { props: { ids: 'S9', bare: true } }).text()).toBe('Yomiuri, Jul 2019')
  })

  it('keeps each source whole, with its bracket, so a line can only break between sources', () => {
    const wrapper = mount(SourceCite, { props: { ids: ['S10', 'S12', 'S0'] } })
    expect(wrapper.findAll('.wc-cite-unit').map(u => u.text())).toEqual(['(Dong-A Ilbo, Aug 2019', 'Yonhap, Aug 2019', 'The Diplomat 2023)'])
    // Every cite sits inside a unit the stylesheet keeps on one line.
    expect(wrapper.findAll('cite').every(c => c.element.parentElement?.classList.contains('wc-cite-unit'))).toBe(true)
    expect(wrapper.text()).toBe('(Dong-A Ilbo, Aug 2019; Yonhap, Aug 2019; The Diplomat 2023)')
    const bare = mount(SourceCite, { props: { ids: 'S12 S0', bare: true } })
    expect(bare.findAll('.wc-cite-unit').map(u => u.text())).toEqual(['Yonhap, Aug 2019', 'The Diplomat 2023'])
  })

  it('carries the full title for a reader who hovers', () => {
    expect(mount(SourceCite, { props: { ids: 'S0' } }).find('cite').attributes('title'))
      .toBe('The Diplomat: After the Japan-South Korea Summit, the Ball Is in Washington\'s Court')
  })

  it('fails loudly, naming the id, rather than print an empty citation', () => {
    expect(() => mount(SourceCite, { props: { ids: 'S99' } })).toThrow('no source with id "S99"')
  })
})
