// The reading view: the talk as one page that reflows on a phone, each slide followed by what the
// speaker says. This module holds its route and the rule that sends a phone to it; the page is
// components/ReadingView.vue.
import type { SlideRoute } from '@slidev/types'
import type { InjectionKey } from 'vue'
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'

/** Where the reading view lives, under the deck's base path. */
export const READING_PATH = '/read'

/** Slidev's route for the audience view (`/7`); a phone landing on it is sent to the reading view. */
export const SLIDEV_PLAY_ROUTE = 'play'

/**
 * A narrow screen held upright: a 16:9 slide would be a letterbox a third of the screen high there
 * (390 × 844: 390 × 220). Tablets and phones on their side keep the slides.
 */
export const NARROW_PORTRAIT = '(max-width: 40rem) and (orientation: portrait)'

/**
 * What the reading view reads of a slide's route meta. Slidev declares its shape in a shim that
 * pulls in its client sources, which do not pass this project's strict check.
 */
export interface SlideInfoLike {
  no: number
  title?: string
  /** The notes as HTML; '' in a build made with --without-notes. */
  noteHTML?: string
  frontmatter: Record<string, unknown>
}

export function slideInfo(route: SlideRoute): SlideInfoLike {
  return route.meta.slide as SlideInfoLike
}

/**
 * Provided by the reading view: where a citation links to (its entry in the sources at the end of
 * the page). SourceCite links its sources when it is given one; on the slides it is not.
 */
export const CITE_HREF: InjectionKey<(id: string) => string> = Symbol('wc-cite-href')

/** The reader's choice, kept across visits: 'slides' once they switch to the slides. */
export const VIEW_CHOICE_KEY = 'wc-view'

export type ViewChoice = 'slides' | 'reading'

export function readViewChoice(): ViewChoice | undefined {
  try {
    const v = window.localStorage.getItem(VIEW_CHOICE_KEY)
    return v === 'slides' || v === 'reading' ? v : undefined
  }
  catch {
    // Storage can be off (private mode, blocked cookies): the choice then lasts this page only.
    return undefined
  }
}

export function saveViewChoice(choice: ViewChoice): void {
  try {
    window.localStorage.setItem(VIEW_CHOICE_KEY, choice)
  }
  catch {}
}

/**
 * Whether `/N` should open the reading view instead: on a narrow portrait screen, unless the
 * reader chose the slides, and never for a page printed or embedded (exports, the handout, an
 * iframe), which must show the slide itself.
 */
export function wantsReading(to: Pick<RouteLocationNormalized, 'query'>): boolean {
  if ('print' in to.query || 'embedded' in to.query)
    return false
  if (readViewChoice() === 'slides')
    return false
  return typeof window.matchMedia === 'function' && window.matchMedia(NARROW_PORTRAIT).matches
}

/**
 * The reading view's address for slide `no` ('/read#7'), as the router takes it. Slide 1 is the
 * top of the page, where the talk's title and the list of acts come first.
 */
export function readingLocation(no: number | string): { path: string, hash: string } {
  return { path: READING_PATH, hash: String(no) === '1' ? '' : `#${no}` }
}

/**
 * Adds the reading view to Slidev's routes and the phone redirect to its audience route. Only the
 * audience route is redirected: presenter, overview, notes and print routes are left alone.
 */
export function withReadingView(routes: RouteRecordRaw[]): RouteRecordRaw[] {
  const play = routes.find(r => r.name === SLIDEV_PLAY_ROUTE)
  if (!play)
    console.error(`Reading view: Slidev has no route named "${SLIDEV_PLAY_ROUTE}" (@slidev/client/setup/routes.ts); phones are not sent to ${READING_PATH}.`)
  else {
    const own = play.beforeEnter
    play.beforeEnter = [
      ...(Array.isArray(own) ? own : own ? [own] : []),
      to => (wantsReading(to) ? { ...readingLocation(String(to.params.no ?? 1)), replace: true } : true),
    ]
  }
  // The reading view shows every slide's notes: it takes the notes route's guard, which asks for the
  // password of `slidev --remote <password>`.
  const guard = routes.find(r => r.name === 'notes')?.beforeEnter
  return [
    { name: 'read', path: READING_PATH, component: () => import('../components/ReadingView.vue'), ...(guard ? { beforeEnter: guard } : {}) },
    ...routes,
  ]
}
