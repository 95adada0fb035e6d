import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DeckLink from '../../components/DeckLink.vue'

const QR = 'data:image/svg+xml,%3Csvg%2F%3E'

describe('DeckLink', () => {
  it('renders no element when the build knows neither the address nor the PDF, so the slot takes no room', () => {
    // Only Vue's placeholder comments: the slot's :not(:has(*)) rule hides it.
    expect(mount(DeckLink).html()).not.toMatch(/<[a-z]/i)
  })

  it('shows the QR code and the address as people type it, linking to the deck', () => {
    const wrapper = mount(DeckLink, { props: { url: 'https://example.org/talks/wc/', qr: QR } })
    expect(wrapper.find('img').attributes()).toMatchObject({ src: QR, alt: 'QR code to example.org/talks/wc' })
    const link = wrapper.find('a')
    expect([link.text(), link.attributes('href')]).toEqual(['example.org/talks/wc', 'https://example.org/talks/wc/'])
    expect(wrapper.text()).not.toContain('PDF')
  })

  it('offers the PDF and the handout when the build carries them, without an address', () => {
    const wrapper = mount(DeckLink, { props: { pdf: '/wc/talk.pdf', handout: '/wc/talk-handout.pdf' } })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.findAll('a').map(a => [a.text(), a.attributes('href'), a.attributes('download')])).toEqual([
      ['Slides (PDF)', '/wc/talk.pdf', ''],
      ['Handout with notes (PDF)', '/wc/talk-handout.pdf', ''],
    ])
  })
})
