import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { readmeExamples } from './src/examples/readme-examples.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const VIRTUAL = 'virtual:readme-examples';

/** `virtual:readme-examples`: the README's example queries, read when the page is built. */
function readmeExamplesModule(): Plugin {
  return {
    name: 'devops-stories:readme-examples',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      this.addWatchFile(README);
      return `export const examples = ${JSON.stringify(readmeExamples(readFileSync(README, 'utf8')))};`;
    },
  };
}

/**
 * The explorer page: `dist/index.html` (the api sends it for `GET /graphql` from a browser) and its
 * hashed scripts, styles, fonts and Monaco workers in `dist/assets/`, served at `/explorer/assets/`.
 * Everything is bundled: no CDN, it works offline.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explorer/',
  plugins: [readmeExamplesModule()],
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Monaco alone is over a megabyte; the page is a developer tool, loaded once.
    chunkSizeWarningLimit: 5_000,
    reportCompressedSize: false,
    rolldownOptions: {
      // framer-motion's "use client" markers mean nothing outside React Server Components.
      onLog: (level, log, handler) => (log.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : handler(level, log)),
    },
  },
});
