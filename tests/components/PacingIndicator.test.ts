import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import PacingIndicator from '../../components/PacingIndicator.vue'
import { acts } from '../../snippets/acts'
import { formatDuration } from '../../snippets/pacing'

// One slide per act, so slide N is act N and every slot is that act's whole budget.
const SLIDE_ACTS = acts.map(a => a.id)
const crisis = acts.find(a => a.id === 'crisis-decade')!
const opening = acts.find(a => a.id === 'opening')!
const crisisStart = opening.minutes * 60
const crisisEnd = crisisStart + crisis.minutes * 60

function view(current: number, elapsed: number, status: 'stopped' | 'running' | 'paused') {
  return mount(PacingIndicator, { props: { slideActs: SLIDE_ACTS, current, elapsed, status } })
}

describe('PacingIndicator', () => {
  it('names the act, its budget and the slide\'s planned slot', () => {
    const text = view(2, 0, 'stopped').text()
    expect(text).toContain(`${crisis.title} · ${formatDuration(crisis.minutes * 60)}`)
    expect(text).toContain(`plan ${formatDuration(crisisStart)}–${formatDuration(crisisEnd)}`)
    expect(text).toContain('now 0:00')
    expect(text).toContain('timer not started')
  })

  it('says how far behind, and colours it as behind, once past the slot', () => {
    const wrapper = view(2, crisisEnd + 40, 'running')
    expect(wrapper.find('.wc-pacing-verdict').text()).toBe('+0:40 behind')
    expect(wrapper.classes()).toContain('is-behind')
  })

  it('says how far ahead before the slot starts, and marks a paused timer', () => {
    const wrapper = view(2, crisisStart - 65, 'paused')
    expect(wrapper.find('.wc-pacing-verdict').text()).toBe('−1:05 ahead (paused)')
    expect(wrapper.classes()).toContain('is-ahead')
  })

  it('is a labelled group for assistive technology', () => {
    const root = view(1, 10, 'running').find('.wc-pacing')
    expect(root.attributes('role')).toBe('group')
    expect(root.attributes('aria-label')).toBe('Pacing against the act budgets')
  })
})
