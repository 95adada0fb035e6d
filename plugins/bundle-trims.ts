// Trims of Slidev's client bundle for the hosted deck's first load (figures in
// docs/performance.md), `slidev build` only. Each rewrites one import to leave out code this deck
// provably never runs. They match Slidev's own file paths, so an upgrade can make one stop
// matching: the build then stops and names it. tests/build/bundle.test.ts checks the built deck.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'
import { deckSource } from './deck-source.ts'

/** Import `id`, in each of the @slidev/client files `from` (each must match in every build; none:
 * any importer), becomes another module or code of its own. `name` is what errors and tests say. */
export interface Trim { name: string, id: string | RegExp, from: string[], to: { module: (id: string) => string } | { code: string } }

const unused = (directive: string) => `throw new Error('${directive} is used but plugins/bundle-trims.ts found no ${directive} in the deck sources and left its library out of the build')`
const LAZY_FLOATING_VUE = `import { defineAsyncComponent } from 'vue'
const load = () => import('floating-vue')
export const Tooltip = defineAsyncComponent(() => load().then(m => m.Tooltip))
export const Dropdown = defineAsyncComponent(() => load().then(m => m.Dropdown))
export function recomputeAllPoppers() {
  if (document.querySelector('.v-popper--shown, .v-popper__popper--shown'))
    load().then(m => m.recomputeAllPoppers())
}`

/** The trims that apply to the deck at `root`: some depend on what the deck uses. */
export function trimsFor(root: string): Trim[] {
  const source = deckSource(root)
  const headmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(root, 'slides.md'), 'utf8'))?.[1] ?? ''
  const trims: (Trim | false)[] = [
    // Slidev aliases `vue` to the full build, template compiler included (~13 KB gzip); every
    // template here (slides, layouts, components) is compiled at build time.
    { name: 'runtime-only Vue', id: /\/vue\/dist\/vue\.esm-bundler\.js$/, from: [], to: { module: id => id.replace(/esm-bundler\.js$/, 'runtime.esm-bundler.js') } },
    // With `twoslash: false` no slide can show a Twoslash popup, yet Slidev installs its client.
    // Its CSS bundles floating-vue's, which Slidev's menus use, so only that part stays.
    /^twoslash:\s*false\s*$/m.test(headmatter) && { name: 'no Twoslash client', id: '@shikijs/vitepress-twoslash/client', from: ['setup/main.ts'], to: { code: 'export default { install() {} }' } },
    /^twoslash:\s*false\s*$/m.test(headmatter) && { name: 'no Twoslash CSS', id: '@shikijs/vitepress-twoslash/style.css', from: ['styles/index.ts'], to: { module: () => 'floating-vue/dist/style.css' } },
    // floating-vue (~13 KB gzip) reaches the first load only through the tooltips of Slidev's
    // menus and drawing toolbar, and a recompute call after transitions: it now loads when a
    // tooltip or menu first renders. An open popper was rendered by it, so recompute waits for it.
    // (Its other importers, <VSwitch> and the print page, load lazily on their own.)
    { name: 'lazy floating-vue', id: 'floating-vue', from: ['internals/FormItem.vue', 'internals/DrawingControls.vue', 'internals/SlidesShow.vue', 'internals/SlideContainer.vue'], to: { code: LAZY_FLOATING_VUE } },
    // parseRangeString from @slidev/parser/core pulls the whole `yaml` parser (~10 KB gzip) into
    // the entry; @slidev/parser/utils exports the very same function.
    { name: 'no YAML parser', id: '@slidev/parser/core', from: ['logic/utils.ts'], to: { module: () => '@slidev/parser/utils' } },
    // Slidev registers v-motion (@vueuse/motion, popmotion) and v-mark (roughjs) in every deck.
    // The directives stay; their libraries are reached only from a directive hook, which no
    // element runs when the deck's sources never name the directive. If one ever does, it says why.
    !/\bv-motion\b/.test(source) && { name: 'no v-motion library', id: '@vueuse/motion', from: ['modules/v-motion.ts'], to: { code: `export function MotionDirective() { return { created() { ${unused('v-motion')} } } }` } },
    !/\bv-mark\b/.test(source) && { name: 'no v-mark library', id: '@slidev/rough-notation', from: ['modules/v-mark.ts'], to: { code: `export function annotate() { ${unused('v-mark')} }` } },
  ]
  return trims.filter(t => t !== false)
}

/** The Vite plugin: applies the trims and fails the build when one no longer matches Slidev's client. */
export function bundleTrims(root: string): Plugin {
  const trims = trimsFor(root)
  const client = dirname(createRequire(join(root, 'package.json')).resolve('@slidev/client/package.json'))
  const virtual = (t: Trim) => `\0bundle-trim:${t.name}`
  const matched = new Set<string>()
  return {
    name: 'bundle-trims',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      matched.clear()
    },
    resolveId(id, importer) {
      const from = importer?.replace(/\\/g, '/').replace(/\?.*$/, '') ?? ''
      for (const t of trims) {
        const file = t.from.find(f => from.endsWith(`/@slidev/client/${f}`))
        if ((typeof t.id === 'string' ? id !== t.id : !t.id.test(id)) || (t.from.length && !file))
          continue
        matched.add(`${t.name} ${file ?? ''}`)
        return 'code' in t.to ? virtual(t) : this.resolve(t.to.module(id), importer, { skipSelf: true })
      }
      return undefined
    },
    load(id) {
      const t = trims.find(t => virtual(t) === id)
      return t && 'code' in t.to ? t.to.code : undefined
    },
    buildEnd(error) {
      const why = (t: Trim, f: string) => !f ? `nothing imports ${t.id} any more`
        : `@slidev/client/${f} ${existsSync(join(client, f)) ? `no longer imports ${t.id}` : 'no longer exists'}`
      const stale = trims.flatMap(t => (t.from.length ? t.from : ['']).filter(f => !matched.has(`${t.name} ${f}`)).map(f => `- ${t.name}: ${why(t, f)}`))
      if (!error && stale.length)
        this.error(`Slidev's client no longer matches these trims in plugins/bundle-trims.ts (update or drop them):\n${stale.join('\n')}`)
    },
  }
}
