// @slidev/client/composables/useClicks.ts (Slidev 52.20), as setup/slidev-internals.ts uses it.
import type { ClicksContext, SlideRoute } from '@slidev/types'
import type { MaybeRefOrGetter } from 'vue'

export declare function createFixedClicks(route?: SlideRoute, currentInit?: MaybeRefOrGetter<number>): ClicksContext
