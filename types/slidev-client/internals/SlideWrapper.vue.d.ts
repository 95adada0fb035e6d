// @slidev/client/internals/SlideWrapper.vue (Slidev 52.20), as setup/slidev-internals.ts uses it.
import type { ClicksContext, RenderContext, SlideRoute } from '@slidev/types'
import type { DefineComponent } from 'vue'

declare const SlideWrapper: DefineComponent<{ clicksContext: ClicksContext, renderContext?: RenderContext, route: SlideRoute }>
export default SlideWrapper
