import { defineRoutesSetup } from '@slidev/types'
import { withReadingView } from './reading'

// Slidev passes its routes through here before the router is made.
export default defineRoutesSetup(routes => withReadingView(routes))
