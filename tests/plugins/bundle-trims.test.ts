import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { bundleTrims, trimsFor } from '../../plugins/bundle-trims.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(join(ROOT, 'package.json'))
const CLIENT = dirname(require.resolve('@slidev/client/package.json'))
const scratch = mkdtempSync(join(tmpdir(), 'bundle-trims-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Calls one of the plugin's hooks as Vite would, with a context that resolves to the id and throws on error. */
function call(plugin: Plugin, hook: 'buildStart' | 'resolveId' | 'load' | 'buildEnd', ...args: unknown[]): unknown {
  const context = {
    resolve: async (id: string) => ({ id }),
    error: (message: string) => { throw new Error(message) },
  }
  return (plugin[hook] as (this: typeof context, ...a: unknown[]) => unknown).call(context, ...args)
}
const fromClient = (file: string) => join(CLIENT, file)

describe('the trims against the installed Slidev', () => {
  it('each Slidev file a trim rewrites still exists and still imports what it rewrites', () => {
    const trims = trimsFor(ROOT)
    expect(trims.length).toBeGreaterThanOrEqual(5)
    for (const trim of trims) {
      for (const file of trim.from) {
        expect(existsSync(fromClient(file)), `${trim.name}: @slidev/client/${file}`).toBe(true)
        expect(readFileSync(fromClient(file), 'utf8'), `${trim.name}: @slidev/client/${file}`).toMatch(new RegExp(`(from|import) '${String(trim.id)}'`))
      }
    }
  })

  it('Slidev still aliases vue to the full build, which the runtime-only trim replaces', () => {
    const dist = join(dirname(require.resolve('@slidev/cli/package.json')), 'dist')
    const cli = readdirSync(dist).filter(f => f.endsWith('.mjs')).map(f => readFileSync(join(dist, f), 'utf8')).join('\n')
    expect(cli).toContain('"vue/dist/vue.esm-bundler.js"')
  })
})

describe('bundleTrims', () => {
  it('rewrites Slidev\'s own imports, not the same import from the deck', async () => {
    const plugin = bundleTrims(ROOT)
    call(plugin, 'buildStart')
    expect(await call(plugin, 'resolveId', 'floating-vue', fromClient('internals/FormItem.vue'))).toBe('\0bundle-trim:lazy floating-vue')
    expect(await call(plugin, 'resolveId', 'floating-vue', `${fromClient('internals/SlidesShow.vue')}?vue&type=script&setup=true&lang.ts`)).toBe('\0bundle-trim:lazy floating-vue')
    expect(await call(plugin, 'resolveId', 'floating-vue', join(ROOT, 'components', 'Menu.vue'))).toBeUndefined()
    expect(await call(plugin, 'resolveId', '@slidev/parser/core', fromClient('logic/utils.ts'))).toEqual({ id: '@slidev/parser/utils' })
    expect(await call(plugin, 'resolveId', '/x/node_modules/vue/dist/vue.esm-bundler.js', fromClient('main.ts'))).toEqual({ id: '/x/node_modules/vue/dist/vue.runtime.esm-bundler.js' })
    expect(call(plugin, 'load', '\0bundle-trim:lazy floating-vue')).toMatch(/import\('floating-vue'\)/)
  })

  it('stops the build, naming the trim and the Slidev file, when a trim no longer matches', async () => {
    const plugin = bundleTrims(ROOT)
    call(plugin, 'buildStart')
    // Everything applies except the import from FormItem.vue, as after an upgrade that drops it.
    for (const trim of trimsFor(ROOT)) {
      const id = typeof trim.id === 'string' ? trim.id : '/x/node_modules/vue/dist/vue.esm-bundler.js'
      for (const file of trim.from.length ? trim.from : ['main.ts']) {
        if (file !== 'internals/FormItem.vue')
          await call(plugin, 'resolveId', id, fromClient(file))
      }
    }
    expect(() => call(plugin, 'buildEnd')).toThrow(/lazy floating-vue: @slidev\/client\/internals\/FormItem\.vue no longer imports floating-vue/)
    await call(plugin, 'resolveId', 'floating-vue', fromClient('internals/FormItem.vue'))
    expect(() => call(plugin, 'buildEnd')).not.toThrow()
    // A build that failed for another reason is not blamed on the trims.
    call(plugin, 'buildStart')
    expect(() => call(plugin, 'buildEnd', new Error('syntax error'))).not.toThrow()
  })
})

describe('trimsFor', () => {
  const deck = (files: Record<string, string>) => {
    const root = mkdtempSync(join(scratch, 'deck-'))
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true })
      writeFileSync(join(root, file), text)
    }
    return trimsFor(root).map(t => t.name)
  }

  it('leaves out the Twoslash client only with `twoslash: false`, and v-motion and v-mark only when no deck source names them', () => {
    expect(deck({ 'slides.md': '---\ntwoslash: false\n---\n# Hi\n' })).toEqual(expect.arrayContaining(['no Twoslash client', 'no Twoslash CSS', 'no v-motion library', 'no v-mark library']))
    const uses = deck({ 'slides.md': '---\ntheme: default\n---\n# Hi\n<p v-motion>a</p>\n', 'components/Mark.vue': '<span v-mark.circle>b</span>', 'README.md': 'twoslash: false' })
    expect(uses).not.toContain('no Twoslash client')
    expect(uses).not.toContain('no v-motion library')
    expect(uses).not.toContain('no v-mark library')
    expect(uses).toEqual(expect.arrayContaining(['runtime-only Vue', 'lazy floating-vue', 'no YAML parser']))
    // The README is not the deck: naming v-mark there keeps nothing in.
    expect(deck({ 'slides.md': '# Hi\n', 'README.md': 'v-mark v-motion' })).toEqual(expect.arrayContaining(['no v-motion library', 'no v-mark library']))
  })
})
