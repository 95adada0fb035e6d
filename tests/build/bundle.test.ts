import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, inject, it } from 'vitest'
import { trimsFor } from '../../plugins/bundle-trims.ts'

// Each trim of Slidev's bundle (plugins/bundle-trims.ts) is checked on the real build: the code it
// leaves out must not be where it was left out of. A Slidev upgrade that makes a trim stop taking
// effect fails here even if the trim still matches an import.
const distDir = inject('distDir')
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLIENT = dirname(createRequire(join(ROOT, 'package.json')).resolve('@slidev/client/package.json'))
const read = (file: string) => readFileSync(join(distDir, file), 'utf8')

const everything = () => readdirSync(join(distDir, 'assets'), { recursive: true, encoding: 'utf8' }).filter(f => /\.(?:js|css)$/.test(f)).map(f => `assets/${f}`)
/** Slidev's play page: what every slide URL (/1, /2 …) renders, loaded right after the entry. */
const playPage = () => everything().filter(f => /(?:^|\/)play-[\w-]+\.js$/.test(f))

/** What loads before slide 1 shows: index.html's scripts, preloads and styles, the play page, and their static imports. */
function firstLoad(): string[] {
  const files = new Set<string>()
  const add = (file: string) => {
    if (files.has(file))
      return
    files.add(file)
    if (file.endsWith('.js')) {
      for (const [, spec = ''] of read(file).matchAll(/\b(?:import|export)\s*(?:[\w$,{}\s*]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g))
        add(posix.join(posix.dirname(file), spec))
    }
  }
  for (const [, url = ''] of read('index.html').matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+\.(?:js|css))"/g))
    add(url)
  playPage().forEach(add)
  return [...files]
}
const text = (files: string[]) => files.map(read).join('\n')

/** The text of an installed package's code and styles, found the way Node finds it from Slidev's client. */
function packageText(name: string): string {
  let dir = CLIENT
  while (!existsSync(join(dir, 'node_modules', name)) && dir !== dirname(dir))
    dir = dirname(dir)
  const pkg = join(dir, 'node_modules', name)
  return readdirSync(pkg, { recursive: true, encoding: 'utf8' }).filter(f => !f.includes('node_modules') && /\.(?:m?js|cjs|css)$/.test(f))
    .map(f => readFileSync(join(pkg, f), 'utf8')).join('\n')
}

// A marker is a string of the library's own (a string literal or a CSS class: minifiers keep
// both) that nothing else in the build holds; `where` the trim keeps it out of: the first load
// (index.html's scripts, their static imports and preloads) or the whole build.
const GUARDS = [
  { trim: 'runtime-only Vue', library: '@vue/compiler-core', marker: 'COMPILER_V_BIND_SYNC', where: 'build' },
  { trim: 'no Twoslash client', library: '@shikijs/vitepress-twoslash', marker: 'vitepress:codeGroupTabActivate', where: 'build' },
  { trim: 'no Twoslash CSS', library: '@shikijs/vitepress-twoslash', marker: 'twoslash-completion-list', where: 'build' },
  { trim: 'lazy floating-vue', library: 'floating-vue', marker: '__floating-vue__popper', where: 'first load' },
  { trim: 'no YAML parser', library: 'yaml', marker: 'tag:yaml.org,2002:omap', where: 'first load' },
  { trim: 'no v-motion library', library: '@vueuse/motion', marker: 'visibleOnce', where: 'build' },
  { trim: 'no v-motion library', library: 'popmotion', marker: 'dampingRatio', where: 'build' },
  { trim: 'no v-mark library', library: '@slidev/rough-notation', marker: 'not-showing', where: 'build' },
  { trim: 'no v-mark library', library: 'roughjs', marker: 'A curve must have at least three points.', where: 'build' },
] as const

describe('the trims of Slidev\'s bundle, on the built deck', () => {
  const active = new Set(trimsFor(ROOT).map(t => t.name))

  it('reads a first load that holds Slidev\'s entry and play page, Vue\'s runtime and the styles', () => {
    const files = firstLoad()
    expect(files.some(f => /^assets\/index-[\w-]+\.js$/.test(f))).toBe(true)
    expect(playPage()).toHaveLength(1)
    expect(files.some(f => f.endsWith('.css'))).toBe(true)
    expect(text(files)).toMatch(/mount\(.#app.\)/) // Slidev's entry
    expect(text(files)).toContain('__v_isRef') // Vue's reactivity, in every Vue build
  })

  it('guards every trim that applies to this deck', () => {
    expect([...active].filter(name => !GUARDS.some(g => g.trim === name))).toEqual([])
  })

  it.each(GUARDS)('$trim: $library ("$marker") is not in the $where', ({ trim, library, marker, where }) => {
    // The marker is the library's own: were the trim to stop taking effect, the build would hold it.
    expect(packageText(library)).toContain(marker)
    const files = where === 'build' ? everything() : firstLoad()
    // A trim this deck does not get (it uses v-mark, say) leaves the library where Slidev puts it.
    expect(text(files).includes(marker), `${library} in the ${where}`).toBe(!active.has(trim))
  })

  it('still ships floating-vue, loaded when a menu or tooltip first shows, and its popper styles on first load', () => {
    const lazy = everything().filter(f => f.endsWith('.js') && !firstLoad().includes(f))
    expect(text(lazy)).toContain('__floating-vue__popper')
    expect(text(firstLoad().filter(f => f.endsWith('.css')))).toContain('.v-popper__popper--shown')
  })
})
