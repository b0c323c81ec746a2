import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** A call of client-preset `graphql()`: codegen allows only one static template literal in it. */
const GRAPHQL_CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
/** The import of codegen's `graphql()` from a generated folder, such as `./gql/index.js`. */
const GRAPHQL_IMPORT = /^import\s*\{\s*graphql\s*\}\s*from\s*'(\.{1,2}\/(?:[\w-]+\/)*gql)\/index\.js';$/m;
/** One entry of the lookup table in a generated `gql.ts`: the source text (a JSON string) and its document's export. */
const LOOKUP_ENTRY = /^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm;

/**
 * Replaces every `graphql()` call with an import of the document codegen generated for it
 * (`storyListQuery = StoryListDocument` from `./gql/graphql.js`), as the client preset's Babel
 * plugin does, so the bundle carries each document's text once and none of `gql.ts`'s lookup
 * table (every source text again, keyed to its document). It looks each call up in that same
 * generated table, so what ships is exactly what `graphql()` returns in the unbundled tests; a
 * call the table does not hold (codegen not run since an edit) fails the build.
 */
function graphqlDocumentImports(): Plugin {
  return {
    name: 'devops-stories:graphql-document-imports',
    enforce: 'pre',
    transform(code, id) {
      const imported = GRAPHQL_IMPORT.exec(code);
      if (!/\.ts$/.test(id) || imported === null) return null;
      const table = join(dirname(id), imported[1], 'gql.ts');
      this.addWatchFile(table);
      const exportsBySource = new Map<string, string>();
      for (const [, source, name] of readFileSync(table, 'utf8').matchAll(LOOKUP_ENTRY))
        exportsBySource.set(JSON.parse(source) as string, name);
      const names = new Set<string>();
      // Each call becomes its document's name and the call's line breaks, so the lines after it keep their numbers.
      const replaced = code.replace(GRAPHQL_CALL, (call, source: string) => {
        const name = exportsBySource.get(source);
        if (name === undefined)
          this.error(`${id}: a graphql() document is not in ${table}; run \`nx run @devops-stories/web:codegen\``);
        names.add(name);
        return name + call.replace(/[^\n]/g, '');
      });
      if (/\bgraphql\(/.test(replaced)) this.error(`${id}: graphql() takes one static template literal`);
      return {
        code: replaced.replace(imported[0], `import { ${[...names].join(', ')} } from '${imported[1]}/graphql.js';`),
        map: null,
      };
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
  plugins: [devElementModule(), graphqlDocumentImports(), precompress()],
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
      // Codegen's documents are `new TypedDocumentString(text)`, which only stores its text: the ones
      // nothing imports (the fragments', whose text each operation's own already holds) are dropped.
      treeshake: { manualPureFunctions: ['TypedDocumentString'] },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
