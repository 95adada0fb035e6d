export { launchChromium } from '../../scripts/lib.mjs'
