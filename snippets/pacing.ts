import { ACT_IDS, acts as talkActs } from './acts'
import type { Act, ActId } from './acts'

/**
 * Pacing arithmetic for the presenter view: pure functions of the act budgets, the acts the
 * slides name in frontmatter and the seconds on Slidev's presenter timer. No clock here: the
 * caller passes the timer's elapsed time in, so pausing or resetting the timer is all it takes.
 */

/** One slide's slot in the plan, in seconds from the start of the talk. */
export interface SlidePlan {
  /** 1-based slide number, as in Slidev's URLs. */
  no: number
  act: ActId
  /** 1-based position of the slide within its act, and how many slides the act has. */
  indexInAct: number
  slidesInAct: number
  /** When the talk should reach this slide, and leave it. */
  start: number
  end: number
  /** When the act should start and end. */
  actStart: number
  actEnd: number
}

export interface PacingPlan {
  slides: SlidePlan[]
  /** Planned length of the talk: the budgets of the acts that have slides. */
  total: number
}

const isActId = (value: unknown): value is ActId =>
  typeof value === 'string' && (ACT_IDS as readonly string[]).includes(value)

/**
 * Spreads each act's budget evenly over that act's slides, in slide order.
 * A slide whose `act` is missing or unknown counts towards the act before it (the content test
 * flags it; the speaker still gets a plan mid-rewrite). An act with no slides adds no time.
 */
export function planSlides(slideActs: readonly unknown[], actList: readonly Act[] = talkActs): PacingPlan {
  const resolved: ActId[] = []
  for (const raw of slideActs)
    resolved.push(isActId(raw) ? raw : (resolved.at(-1) ?? ACT_IDS[0]))

  const count = new Map<ActId, number>()
  for (const act of resolved)
    count.set(act, (count.get(act) ?? 0) + 1)

  const budget = new Map<ActId, number>(actList.map(a => [a.id, a.minutes * 60]))
  const seen = new Map<ActId, number>()
  const slides: SlidePlan[] = []
  let cursor = 0
  resolved.forEach((act, i) => {
    const inAct = count.get(act) ?? 1
    const share = (budget.get(act) ?? 0) / inAct
    const indexInAct = (seen.get(act) ?? 0) + 1
    seen.set(act, indexInAct)
    const actStart = cursor - (indexInAct - 1) * share
    slides.push({
      no: i + 1,
      act,
      indexInAct,
      slidesInAct: inAct,
      start: cursor,
      end: cursor + share,
      actStart,
      actEnd: actStart + share * inAct,
    })
    cursor += share
  })
  return { slides, total: cursor }
}

export type PaceState = 'not-started' | 'on-pace' | 'ahead' | 'behind'

export interface PacingSnapshot {
  slide: SlidePlan
  act: Act
  actBudget: number
  elapsed: number
  /**
   * Seconds behind (positive) or ahead (negative). Zero while the timer is inside this slide's
   * planned window: arriving early is ahead, staying past the slot is behind.
   */
  delta: number
  state: PaceState
}

/** Where the talk stands at slide `no` (1-based) with `elapsed` seconds on the timer. */
export function pacingAt(plan: PacingPlan, no: number, elapsed: number, actList: readonly Act[] = talkActs): PacingSnapshot | undefined {
  const slide = plan.slides[Math.min(Math.max(no, 1), plan.slides.length) - 1]
  if (!slide)
    return undefined
  const act = actList.find(a => a.id === slide.act)
  if (!act)
    return undefined
  const t = Math.max(0, elapsed)
  // Round to whole seconds first so the display never flickers between "on pace" and "+0:00".
  const rawDelta = t < slide.start ? t - slide.start : t > slide.end ? t - slide.end : 0
  const delta = Math.round(rawDelta)
  const state: PaceState = elapsed <= 0 ? 'not-started' : delta > 0 ? 'behind' : delta < 0 ? 'ahead' : 'on-pace'
  return {
    slide,
    act,
    actBudget: act.minutes * 60,
    elapsed: t,
    delta,
    state,
  }
}

/** The part of Slidev's shared `timer` state the pacing reads (see `sharedState.timer`). */
export interface PresenterTimer {
  status: 'stopped' | 'running' | 'paused'
  startedAt: number
  pausedAt: number
}

/**
 * Seconds on Slidev's presenter timer, computed the way Slidev's own timer display does:
 * zero when stopped or reset, frozen while paused, `now - startedAt` while running
 * (Slidev shifts `startedAt` on resume, so pauses are already left out).
 */
export function timerElapsedSeconds(timer: PresenterTimer, nowMs: number): number {
  if (timer.status === 'stopped' || !timer.startedAt)
    return 0
  const end = timer.status === 'paused' ? timer.pausedAt : nowMs
  return Math.max(0, (end - timer.startedAt) / 1000)
}

/** `m:ss` (or `h:mm:ss`) for a duration in seconds; negative values keep their sign. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '−' : ''
  const total = Math.round(Math.abs(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}` : `${sign}${m}:${s}`
}

/** The one-line verdict the speaker reads: "+0:40 behind", "−1:05 ahead", "on pace". */
export function formatDelta(delta: number): string {
  const rounded = Math.round(delta)
  if (rounded > 0)
    return `+${formatDuration(rounded)} behind`
  if (rounded < 0)
    return `${formatDuration(rounded)} ahead`
  return 'on pace'
}
