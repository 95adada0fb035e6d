import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from '../../scripts/find-chromium.mjs'

/** Launches the system Chromium headless; never downloads a browser. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await findChromium()
  if (!executablePath)
    throw new Error(HOW_TO_GET_ONE)
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
}
