import { serveStatic } from '../../scripts/lib.mjs'

export { serveStatic }
export type StaticServer = Awaited<ReturnType<typeof serveStatic>>
