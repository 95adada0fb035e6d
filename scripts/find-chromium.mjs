// Locate a Chromium for `slidev export` and the browser tests without downloading one:
// $CHROMIUM_PATH, then the usual system installs, then Playwright's own browser if present.
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
const FIXED_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

export const HOW_TO_GET_ONE =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: `brew install --cask chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.'

/** @param {string} name */
function onPath(name) {
  try {
    const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return found || undefined
  }
  catch {
    return undefined
  }
}

async function playwrightsOwn() {
  try {
    const { chromium } = await import('playwright-core')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : undefined
  }
  catch {
    return undefined
  }
}

/** @returns {Promise<string | undefined>} */
export async function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv)
    return existsSync(fromEnv) ? fromEnv : undefined
  for (const path of FIXED_PATHS) {
    if (existsSync(path))
      return path
  }
  for (const name of SYSTEM_NAMES) {
    const path = onPath(name)
    if (path)
      return path
  }
  return playwrightsOwn()
}

/** Flags headless Chromium needs on a root, offline, GPU-less machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
