import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import PacingIndicator, { formatDelta, formatDuration, pacingAt, planSlides, timerElapsedSeconds } from '../../components/PacingIndicator.vue'
import { acts } from '../../snippets/acts'
import type { Act } from '../../snippets/acts'
import { loadDeck } from '../support/deck'

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

// The arithmetic behind the line, with a small talk of round numbers so every figure can be checked by hand.
const ACTS: Act[] = [
  { id: 'opening', title: 'Opening', minutes: 1 },
  { id: 'crisis-decade', title: 'The crisis decade', minutes: 6 },
  { id: 'summit', title: 'The summit', minutes: 3 },
  { id: 'missed-mediation', title: 'The missed mediation', minutes: 0 },
  { id: 'partnership', title: 'The partnership proposal', minutes: 0 },
  { id: 'state-visit', title: 'The state-visit hook', minutes: 0 },
  { id: 'closing', title: 'Closing', minutes: 0 },
]
const SLIDES = ['opening', 'crisis-decade', 'crisis-decade', 'crisis-decade', 'summit', 'closing']

describe('planSlides', () => {
  it('spreads each act budget evenly over its slides, in order', () => {
    const plan = planSlides(SLIDES, ACTS)
    expect(plan.slides.map(s => [s.start, s.end])).toEqual([
      [0, 60],
      [60, 180],
      [180, 300],
      [300, 420],
      [420, 600],
      [600, 600],
    ])
    expect(plan.total).toBe(600)
    expect(plan.slides[2]).toMatchObject({ act: 'crisis-decade', indexInAct: 2, slidesInAct: 3 })
  })

  it('leaves out the budget of an act that has no slides yet', () => {
    const plan = planSlides(['opening', 'summit'], ACTS)
    expect(plan.slides.map(s => s.start)).toEqual([0, 60])
    expect(plan.total).toBe(60 + 180)
  })

  it('counts a slide with a missing or unknown act towards the act before it', () => {
    const plan = planSlides(['opening', 'crisis-decade', undefined, 'crisis decade'], ACTS)
    expect(plan.slides.map(s => s.act)).toEqual(['opening', 'crisis-decade', 'crisis-decade', 'crisis-decade'])
    expect(plan.slides[3]?.end).toBe(60 + 360)
  })

  it('plans the real deck within the talk budget, one slot per slide', async () => {
    const { slides } = await loadDeck()
    const plan = planSlides(slides.map(s => s.act))
    expect(plan.slides).toHaveLength(slides.length)
    const budget = acts.reduce((sum, a) => sum + a.minutes * 60, 0)
    expect(plan.total).toBeLessThanOrEqual(budget)
    for (const [i, s] of plan.slides.entries())
      expect(s.start).toBe(i === 0 ? 0 : plan.slides[i - 1]?.end)
  })
})

describe('pacingAt', () => {
  const plan = planSlides(SLIDES, ACTS)

  it('is on pace anywhere inside the slide window', () => {
    for (const t of [180, 240, 300])
      expect(pacingAt(plan, 3, t, ACTS)).toMatchObject({ delta: 0, state: 'on-pace' })
  })

  it('is behind by the time past the end of the slide slot', () => {
    const at = pacingAt(plan, 3, 340, ACTS)
    expect(at).toMatchObject({ delta: 40, state: 'behind', actBudget: 360 })
    expect(at?.act.title).toBe('The crisis decade')
  })

  it('is ahead by the time before the slide slot starts', () => {
    expect(pacingAt(plan, 5, 355, ACTS)).toMatchObject({ delta: -65, state: 'ahead' })
  })

  it('says the timer has not started while it reads zero (stopped or reset)', () => {
    expect(pacingAt(plan, 2, 0, ACTS)).toMatchObject({ state: 'not-started', elapsed: 0 })
  })

  it('clamps out-of-range slide numbers and has nothing to say about an empty deck', () => {
    expect(pacingAt(plan, 99, 600, ACTS)?.slide).toBe(plan.slides[5])
    expect(pacingAt(plan, 0, 10, ACTS)?.slide).toBe(plan.slides[0])
    expect(pacingAt(planSlides([], ACTS), 1, 10, ACTS)).toBeUndefined()
  })

  it('rounds to whole seconds, so a fraction past the slot is not yet "+0:00 behind"', () => {
    expect(pacingAt(plan, 1, 60.4, ACTS)).toMatchObject({ delta: 0, state: 'on-pace' })
    expect(pacingAt(plan, 1, 60.6, ACTS)).toMatchObject({ delta: 1, state: 'behind' })
  })
})

describe('timerElapsedSeconds (Slidev presenter timer state)', () => {
  const T0 = 1_700_000_000_000

  it('reads zero while the timer is stopped or after a reset', () => {
    expect(timerElapsedSeconds({ status: 'stopped', startedAt: 0, pausedAt: 0 }, T0)).toBe(0)
    expect(timerElapsedSeconds({ status: 'stopped', startedAt: T0 - 9000, pausedAt: 0 }, T0)).toBe(0)
  })

  it('counts from startedAt while running', () => {
    expect(timerElapsedSeconds({ status: 'running', startedAt: T0 - 95_000, pausedAt: 0 }, T0)).toBe(95)
  })

  it('freezes while paused, however long the pause lasts', () => {
    const paused = { status: 'paused', startedAt: T0 - 95_000, pausedAt: T0 - 5_000 } as const
    expect(timerElapsedSeconds(paused, T0)).toBe(90)
    expect(timerElapsedSeconds(paused, T0 + 600_000)).toBe(90)
  })
})

describe('formatting', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(40)).toBe('0:40')
    expect(formatDuration(300)).toBe('5:00')
    expect(formatDuration(90.4)).toBe('1:30')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(-65)).toBe('−1:05')
  })

  it('states ahead and behind the way the speaker reads them', () => {
    expect(formatDelta(40)).toBe('+0:40 behind')
    expect(formatDelta(-65)).toBe('−1:05 ahead')
    expect(formatDelta(0)).toBe('on pace')
    expect(formatDelta(0.3)).toBe('on pace')
  })
})
