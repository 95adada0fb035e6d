import { defineShikiSetup } from '@slidev/types'

// The data slide shows one TypeScript excerpt. Slidev's default code colours fall below 4.5:1
// (comments, strings); GitHub's high-contrast themes pass in light and dark. Only TypeScript is
// loaded, since it is the one language the deck shows.
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light-high-contrast',
    dark: 'github-dark-high-contrast',
  },
  langs: ['ts'],
}))
