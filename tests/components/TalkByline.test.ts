import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TalkByline from '../../components/TalkByline.vue'

describe('TalkByline', () => {
  it('shows the speaker, the event and the date the headmatter gives it', () => {
    const wrapper = mount(TalkByline, { props: { speaker: 'Jane Speaker', event: 'Policy forum, Washington', date: 'April 2023' } })
    expect(wrapper.find('.wc-speaker').text()).toBe('Jane Speaker')
    expect(wrapper.find('.wc-event').text()).toBe('Policy forum, Washington')
    expect(wrapper.find('time').text()).toBe('April 2023')
    // Free text has no machine-readable date to offer.
    expect(wrapper.find('time').attributes('datetime')).toBeUndefined()
  })

  it('writes a calendar date out in words, the same in every locale, and keeps it machine-readable', () => {
    const wrapper = mount(TalkByline, { props: { speaker: 'A', event: 'B', date: '2023-04-27' } })
    expect(wrapper.find('time').text()).toBe('27 April 2023')
    expect(wrapper.find('time').attributes('datetime')).toBe('2023-04-27')
  })

  it('stops on a field the presenter has not filled, naming it and where to set it', () => {
    // Slides pass `$frontmatter.speaker`: a missing headmatter field arrives as undefined.
    const missing = { speaker: undefined as unknown as string, event: 'B', date: 'C' }
    expect(() => mount(TalkByline, { props: missing })).toThrow('TalkByline: the headmatter field "speaker" is missing; set "speaker:" in the first frontmatter block of slides.md')
    expect(() => mount(TalkByline, { props: { speaker: 'A', event: '  ', date: 'C' } })).toThrow('"event" is empty')
    expect(() => mount(TalkByline, { props: { speaker: 'A', event: 'B', date: 20230427 as unknown as string } })).toThrow('"date" is not text (20230427)')
  })
})
