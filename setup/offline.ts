// Offline for the speaker, not a download for every listener. The service worker
// (plugins/offline.ts) installs with the page shell only and keeps each built file a visitor
// opens; the whole deck is saved on the device that opens the presenter view, from the list of
// built files Vite writes beside the deck. The app manifest (install as an app) is linked there too.
import { shallowRef } from 'vue'
import type { Router } from 'vue-router'

/** The cache the worker serves built files from (plugins/offline.ts names it too). */
export const DECK_CACHE = 'deck-files'
/** Vite's manifest of the build: every file under assets/, with what each chunk imports. */
export const FILE_LIST = 'offline-files.json'

/** How the presenter view's save went, shown beside its timer (custom-nav-controls.vue). */
export const offlineSave = shallowRef<{ state: 'saving' | 'saved' | 'failed', detail: string }>()

type FileList = Record<string, { file: string, css?: string[], assets?: string[] }>

/**
 * Puts every built file, and their list, into the worker's cache; those already there are not
 * fetched again. Resolves to the number of built files.
 */
export async function saveForOffline(base = import.meta.env.BASE_URL): Promise<number> {
  const res = await fetch(`${base}${FILE_LIST}`, { cache: 'no-cache' })
  if (!res.ok)
    throw new Error(`${FILE_LIST}: HTTP ${res.status}`)
  const list = await res.json() as FileList
  const names = [FILE_LIST, ...Object.values(list).flatMap(c => [c.file, ...c.css ?? [], ...c.assets ?? []])]
  const files = new Set(names.map(f => new URL(`${base}${f}`, location.href).href))
  const cache = await caches.open(DECK_CACHE)
  const have = new Set((await cache.keys()).map(r => r.url))
  await cache.addAll([...files].filter(f => !have.has(f)))
  return files.size - 1
}

export function setupOffline(router: Router): void {
  // Built decks only: the dev server (dev, export) has hot reload and no worker.
  if (import.meta.hot || !('serviceWorker' in navigator))
    return
  const base = import.meta.env.BASE_URL
  // After the page's load event, so the worker's own files never compete with slide 1.
  addEventListener('load', () => void navigator.serviceWorker.register(`${base}sw.js`, { scope: base }), { once: true })
  router.afterEach((to) => {
    if (!to.path.startsWith('/presenter') || document.querySelector('link[rel="manifest"]'))
      return
    document.head.append(Object.assign(document.createElement('link'), { rel: 'manifest', href: `${base}manifest.webmanifest` }))
    // Offline, the deck runs from what was saved before; saving needs the network.
    if (!navigator.onLine)
      return
    offlineSave.value = { state: 'saving', detail: 'Saving every file of the deck on this device' }
    saveForOffline(base).then(
      n => void (offlineSave.value = { state: 'saved', detail: `All ${n} files of the deck are on this device: it opens without a network` }),
      (e: unknown) => void (offlineSave.value = { state: 'failed', detail: `The deck could not be saved for offline use (${String(e)}): reload this view while online` }),
    )
  })
}
