// Imports every data module so that loading this file validates all of the deck's data.
// vite.config.ts imports it: a bad record then stops `slidev build` and `slidev dev` with
// the DataError naming the file, record and field, instead of shipping a blank chart.
export * from './acts.ts'
export * from './sources.ts'
export * from './timeline.ts'
export * from './series.ts'
export * from './strengths.ts'
