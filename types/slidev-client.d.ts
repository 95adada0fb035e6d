// What the deck's global layer (custom-nav-controls.vue) uses of @slidev/client, for the type
// check only: tsconfig.json maps the package here because Slidev ships its client as .ts sources
// that do not pass this project's strict settings. The shapes are Slidev's own, from
// client/composables/useNav.ts and client/state/shared.ts; the build uses the real package.
import type { ComputedRef, Ref } from 'vue'

export interface SlideRouteLike {
  meta: { slide?: { frontmatter: Record<string, unknown> } }
}

export declare function useNav(): {
  isPresenter: ComputedRef<boolean>
  slides: Ref<SlideRouteLike[]>
  currentSlideNo: ComputedRef<number>
}

export declare const sharedState: {
  timer: { status: 'stopped' | 'running' | 'paused', startedAt: number, pausedAt: number }
}
