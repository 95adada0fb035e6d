// The parts of Slidev's client that are not its public API and that the reading view renders
// slides with, in one place: SlideWrapper (a slide with its own click state, as the overview and
// print pages use it), createFixedClicks and CLICKS_MAX (every click revealed, as in the PDF).
// An upgrade may move them; tests/e2e/reading.test.ts reads each path below in the installed
// Slidev and fails naming the one that moved. For the type check they are declared in
// types/slidev-client/ (Slidev's .ts sources do not pass this project's strict settings).
export { createFixedClicks } from '@slidev/client/composables/useClicks.ts'
export { CLICKS_MAX } from '@slidev/client/constants.ts'
export { default as SlideWrapper } from '@slidev/client/internals/SlideWrapper.vue'
