import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const ELEMENT_MODULE = 'devops-stories.js';

/** In `vite` dev mode, serves the pages at the api's paths and the element's TypeScript source where they load the bundle. */
function devElementModule(): Plugin {
  return {
    name: 'devops-stories:dev-element-module',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url?.endsWith(`/${ELEMENT_MODULE}`)) request.url = '/src/devops-stories.ts';
        else if (request.url === '/' || request.url === '/demo/portal')
          request.url = request.url === '/' ? '/index.html' : '/demo/portal.html';
        next();
      });
    },
  };
}

/**
 * Writes `.br` and `.gz` twins of every built page and script, which the api's static
 * handler (`preCompressed`) sends to browsers that accept them.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'devops-stories:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(js|html)$/.test(file)) continue;
        const source = readFileSync(join(outDir, file));
        writeFileSync(
          join(outDir, `${file}.br`),
          brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(join(outDir, `${file}.gz`), gzipSync(source, { level: 9 }));
      }
    },
  };
}

/**
 * One ES module, `dist/devops-stories.js` (Lit included, stable name, exports kept), which
 * a portal loads with one `<script type="module">`. The standalone page and the portal demo
 * are static files in `public/` that load that same module, so what the tests and the size
 * report measure is exactly what a portal embeds.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: 'public',
  plugins: [devElementModule(), precompress()],
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: false,
    reportCompressedSize: true,
    rolldownOptions: {
      input: { 'devops-stories': 'src/devops-stories.ts' },
      // The share form's chunk imports Lit and the client from the element's module, which exports them for it.
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
