import { defineAppSetup } from '@slidev/types'
import { setupDownload } from './download.ts'
import { setupOffline } from './offline'

// Slidev runs this once, before the app mounts. Each feature lives in its own module.
export default defineAppSetup(({ router }) => {
  setupOffline(router)
  setupDownload()
})
