// Build-time trims for the hosted deck's first load (issue 6; figures in README "Performance").
// Each one removes only code, CSS or glyphs the deck provably does not use. The plugin applies to
// `slidev build` only: `slidev dev` and `slidev export` (which runs the dev server) keep every
// font and feature, so presenting and the PDF (CJK names included) are untouched.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, relative, resolve } from 'node:path'
import type { Plugin } from 'vite'

const TWOSLASH_CLIENT = '\0deck-perf:twoslash-client'
const LAZY_POPPERS = '\0deck-perf:floating-vue-lazy'
const NO_MOTION = '\0deck-perf:no-v-motion'
const NO_MARK = '\0deck-perf:no-v-mark'
const unused = (directive: string) => `throw new Error('${directive} is used but the deck-performance plugin (scripts/vite-deck-performance.ts) found no ${directive} in the deck sources and left its library out of the build')`
// Where a Slidev deck's own text and templates live (see deckSource).
const TEXT_EXTENSIONS = new Set(['.md', '.vue', '.ts', '.json', '.yaml', '.yml', '.html', '.css'])
const DECK_DIRS = new Set(['components', 'layouts', 'pages', 'setup', 'snippets', 'styles'])
// Glyphs kept in every subset besides the deck's own text: printable ASCII (slide numbers, the
// timer, anything computed at run time) and common typographic punctuation.
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~'
  + '\u00A0\u00B7\u00D7\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u2190\u2191\u2192\u2193\u2212'

// OpenType features a browser applies to text unasked (plus Hangul jamo shaping); a subset keeps
// these and the ones the deck's CSS asks for, and drops the rest (stylistic sets, alternates).
const DEFAULT_FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'clig', 'calt', 'rlig', 'rvrn', 'ljmo', 'vjmo', 'tjmo']
// CSS values and utility classes that turn features on. tnum is always kept: Slidev's own timer
// and page counter use tabular-nums.
const CSS_FEATURES: Record<string, string[]> = {
  'tabular-nums': ['tnum'],
  'lining-nums': ['lnum'],
  'oldstyle-nums': ['onum'],
  'proportional-nums': ['pnum'],
  'slashed-zero': ['zero'],
  'diagonal-fractions': ['frac'],
  'stacked-fractions': ['afrc'],
  'ordinal': ['ordn'],
  'small-caps': ['smcp'],
  'all-small-caps': ['smcp', 'c2sc'],
  'petite-caps': ['pcap'],
  'titling-caps': ['titl'],
  'super': ['sups'],
  'sub': ['subs'],
  'discretionary-ligatures': ['dlig'],
  'historical-ligatures': ['hlig'],
}

type Subset = (font: Buffer, text: string, options: { targetFormat: 'woff2', keepFeatures: string[] }) => Promise<Buffer>

export function deckPerformance(root: string): Plugin {
  const headmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(root, 'slides.md'), 'utf8'))?.[1] ?? ''
  const twoslashOff = /^twoslash:\s*false\s*$/m.test(headmatter)
  const source = deckSource(root)
  // Feature detection in the spirit of Slidev's own (it leaves KaTeX, Mermaid and Monaco out of
  // decks that do not use them): its client always registers v-motion (@vueuse/motion and
  // popmotion) and v-mark (roughjs), ~60 KB before gzip each, for decks that never use them.
  const usesMotion = /\bv-motion\b/.test(source)
  const usesMark = /\bv-mark\b/.test(source)
  const fromClient = (importer: string | undefined, file: string) => !!importer?.replace(/\\/g, '/').endsWith(`/@slidev/client/${file}`)
  return {
    name: 'deck-performance',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      // Vite inlines assets under 4 KB as data: URLs; a small font subset inlined would be
      // downloaded with the CSS on every first load instead of only where its glyphs appear.
      build: { assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined) },
      css: { postcss: { plugins: [fontFaceTrim(codePoints(source), featuresUsed(source), join(root, 'node_modules', '.cache', 'deck-fonts'))] } },
    }),
    resolveId(id, importer) {
      // Slidev's client always installs the Twoslash popup plugin and its CSS; with
      // `twoslash: false` no slide can show a Twoslash popup. The CSS bundles floating-vue's,
      // which Slidev's own menus still use, so only that part stays.
      if (twoslashOff && id === '@shikijs/vitepress-twoslash/client')
        return TWOSLASH_CLIENT
      if (twoslashOff && id === '@shikijs/vitepress-twoslash/style.css')
        return this.resolve('floating-vue/dist/style.css', importer, { skipSelf: true })
      // floating-vue (~13 KB gzip) reaches the first load only through the tooltips of the
      // settings menu and the drawing toolbar and a recompute call after transitions. Those
      // imports get a lazy stand-in: the library loads when a tooltip or menu first renders; a
      // popper that is open was rendered by it, so recompute defers to the real function then.
      if (id === 'floating-vue' && /\/@slidev\/client\/(internals\/(FormItem|DrawingControls|SlidesShow|SlideContainer)\.vue|builtin\/VSwitch\.ts|pages\/print\.vue)(\?.*)?$/.test(importer?.replace(/\\/g, '/') ?? ''))
        return LAZY_POPPERS
      // Slidev aliases `vue` to the full build, which carries the template compiler (~13 KB gzip).
      // Every template here (slides, layouts, components) is compiled at build time.
      if (id.endsWith('/vue/dist/vue.esm-bundler.js'))
        return id.replace(/vue\.esm-bundler\.js$/, 'vue.runtime.esm-bundler.js')
      // Slidev's client/logic/utils.ts takes parseRangeString from @slidev/parser/core, which
      // also pulls the whole `yaml` parser (~10 KB gzip) into the entry; @slidev/parser/utils
      // exports the very same function.
      if (id === '@slidev/parser/core' && fromClient(importer, 'logic/utils.ts'))
        return this.resolve('@slidev/parser/utils', importer, { skipSelf: true })
      if (!usesMotion && id === '@vueuse/motion' && fromClient(importer, 'modules/v-motion.ts'))
        return NO_MOTION
      if (!usesMark && id === '@slidev/rough-notation' && fromClient(importer, 'modules/v-mark.ts'))
        return NO_MARK
      return undefined
    },
    load(id) {
      // The directives stay registered; their libraries are only reached from a directive hook,
      // which no element runs when the directive appears nowhere. If one ever does, it says why.
      if (id === NO_MOTION)
        return `export function MotionDirective() { return { created() { ${unused('v-motion')} } } }`
      if (id === NO_MARK)
        return `export function annotate() { ${unused('v-mark')} }`
      if (id === TWOSLASH_CLIENT)
        return 'export default { install() {} }'
      if (id === LAZY_POPPERS) {
        return `import { defineAsyncComponent } from 'vue'
const load = () => import('floating-vue')
export const Tooltip = defineAsyncComponent(() => load().then(m => m.Tooltip))
export const Dropdown = defineAsyncComponent(() => load().then(m => m.Dropdown))
export function recomputeAllPoppers() {
  if (document.querySelector('.v-popper--shown, .v-popper__popper--shown'))
    load().then(m => m.recomputeAllPoppers())
}`
      }
      return undefined
    },
  }
}

/**
 * The deck's own source text, concatenated: slides.md and the folders and files Slidev reads
 * from a deck (components, layouts, pages, setup, snippets, styles, global layers). The README,
 * tests and scripts are not shown and must not count (the README names v-mark, for one).
 */
export function deckSource(root: string): string {
  const parts: string[] = []
  const read = (path: string) => {
    if (TEXT_EXTENSIONS.has(extname(path)))
      parts.push(readFileSync(path, 'utf8'))
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory())
        walk(path)
      else
        read(path)
    }
  }
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name)
    if (entry.isDirectory() && DECK_DIRS.has(entry.name))
      walk(path)
    else if (entry.isFile() && (entry.name === 'slides.md' || entry.name === 'index.html' || extname(entry.name) === '.vue'))
      read(path)
  }
  return parts.join('\n')
}

/** OpenType feature tags to keep in subsets: browser defaults plus what the deck's CSS asks for. */
export function featuresUsed(source: string): string[] {
  const tags = new Set([...DEFAULT_FEATURES, 'tnum'])
  for (const [keyword, features] of Object.entries(CSS_FEATURES)) {
    if (new RegExp(`\\b${keyword}\\b`).test(source))
      features.forEach(f => tags.add(f))
  }
  for (const [, value = ''] of source.matchAll(/font-feature-settings\s*:\s*([^;}]+)/g)) {
    for (const [, tag = ''] of value.matchAll(/["']([\x20-\x7E]{4})["']/g))
      tags.add(tag)
  }
  return [...tags].sort()
}

/** Every code point of `text`, plus the ones every subset keeps. */
export function codePoints(text: string): Set<number> {
  const used = new Set<number>()
  for (const ch of text + ALWAYS)
    used.add(ch.codePointAt(0)!)
  return used
}

/** Parses a CSS unicode-range value (U+41, U+0-FF, U+4??) into inclusive [from, to] pairs. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const v = part.trim().replace(/^U\+/i, '')
    if (v.includes('-')) {
      const [a = '', b = ''] = v.split('-')
      return [Number.parseInt(a, 16), Number.parseInt(b, 16)]
    }
    return [Number.parseInt(v.replace(/\?/g, '0'), 16), Number.parseInt(v.replace(/\?/g, 'F'), 16)]
  })
}

/** Sorted code points → a compact unicode-range value (runs become spans). */
export function toUnicodeRange(sorted: number[]): string {
  const parts: string[] = []
  const hex = (n: number) => n.toString(16).toUpperCase()
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1)
      j++
    parts.push(j > i ? `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}` : `U+${hex(sorted[i]!)}`)
    i = j + 1
  }
  return parts.join(',')
}

interface Decl { prop: string, value: string }
interface FontFaceRule {
  source?: { input?: { file?: string } }
  remove: () => void
  walkDecls: (fn: (d: Decl) => void) => void
}

/**
 * PostCSS plugin for the npm-bundled (@fontsource) faces, run before Vite resolves their url()s:
 * - drops each @font-face whose unicode-range holds no character the deck uses (Noto Sans KR
 *   alone ships 124 slices: ~24 KB gzip of CSS on every first load);
 * - drops the `.woff` fallback (every browser Slidev supports takes woff2);
 * - subsets each remaining woff2 to the glyphs the deck can show and the OpenType features it
 *   uses (about half the bytes), cached by content hash so rebuilds reuse it.
 */
export function fontFaceTrim(used: Set<number>, keepFeatures: string[], cacheDir: string) {
  let subset: Promise<Subset> | undefined
  async function subsetTo(fontPath: string, text: string): Promise<string> {
    const font = readFileSync(fontPath)
    const hash = createHash('sha256').update(font).update(text).update(keepFeatures.join()).digest('hex').slice(0, 10)
    const out = join(cacheDir, `${basename(fontPath, '.woff2')}.${hash}.woff2`)
    if (!existsSync(out)) {
      // subset-font ships no types; this is the one function used.
      subset ??= import('subset-font' as string).then(m => (m as { default: Subset }).default)
      mkdirSync(cacheDir, { recursive: true })
      writeFileSync(out, await (await subset)(font, text, { targetFormat: 'woff2', keepFeatures }))
    }
    return out
  }
  return {
    postcssPlugin: 'deck-font-face-trim',
    AtRule: {
      'font-face': async (rule: FontFaceRule) => {
        const file = rule.source?.input?.file
        if (!file?.includes('@fontsource'))
          return
        let range: Decl | undefined
        const srcs: Decl[] = []
        rule.walkDecls((decl) => {
          if (decl.prop === 'unicode-range')
            range = decl
          if (decl.prop === 'src')
            srcs.push(decl)
        })
        const ranges = range && parseUnicodeRange(range.value)
        const inFace = [...used].filter(cp => !ranges || ranges.some(([from, to]) => cp >= from && cp <= to)).sort((a, b) => a - b)
        if (!inFace.length) {
          rule.remove()
          return
        }
        // The subset holds exactly these characters, so the face now claims exactly these (a
        // Korean slice's range lists hundreds of spans: ~0.5 KB of CSS each).
        if (range)
          range.value = toUnicodeRange(inFace)
        for (const decl of srcs) {
          const woff2 = decl.value.split(/,\s*(?=url\()/).filter(s => !/format\(['"]?woff['"]?\)/.test(s))
          const url = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(woff2[0] ?? '')?.[1]
          // Vite may run PostCSS over the same rule twice; a url already in the cache is a subset.
          if (url && !url.startsWith('data:') && !resolve(dirname(file), url).startsWith(cacheDir)) {
            const subsetPath = await subsetTo(resolve(dirname(file), url), String.fromCodePoint(...inFace))
            woff2[0] = woff2[0]!.replace(url, relative(dirname(file), subsetPath).replace(/\\/g, '/'))
          }
          decl.value = woff2.join(', ')
        }
      },
    },
  }
}
