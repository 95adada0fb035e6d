import type { Country } from './schema'

/*
 * Colours for canvas drawing. The palette lives in styles/theme.css as CSS variables (light
 * and `html.dark`); a canvas cannot use `var()`, so chart inputs name the variable
 * (`'var(--wc-kr)'`) and ChartCanvas swaps in the computed value before chart.js sees it,
 * again whenever the theme class on <html> changes.
 */

export const COUNTRY_VAR: Readonly<Record<Country, string>> = {
  'kr': 'var(--wc-kr)',
  'jp': 'var(--wc-jp)',
  'us': 'var(--wc-us)',
  'kr-jp': 'var(--wc-neutral)',
}

const VAR = /^var\((--[\w-]+)\)$/

/** The computed value of a CSS custom property on `el` (falling back to the root), or ''. */
export function cssVar(el: Element | null | undefined, name: string): string {
  if (typeof getComputedStyle !== 'function')
    return ''
  const own = el ? getComputedStyle(el).getPropertyValue(name).trim() : ''
  return own || getComputedStyle(document.documentElement).getPropertyValue(name).trim()
}

/** A copy of `value` with every `'var(--x)'` string replaced by its computed colour. */
export function resolveVars<T>(value: T, el: Element | null | undefined): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = VAR.exec(v)
      return m ? (cssVar(el, m[1]!) || '#777') : v
    }
    if (Array.isArray(v))
      return v.map(walk)
    // Only plain objects: functions (scriptable options) and class instances pass through.
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(value) as T
}
