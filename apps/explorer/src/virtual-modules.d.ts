/** The README's example queries, read at build time by `vite.config.ts` (see `readmeExamples`). */
declare module 'virtual:readme-examples' {
  import type { ReadmeExample } from './examples/readme-examples.js';

  export const examples: ReadmeExample[];
}
