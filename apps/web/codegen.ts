import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The committed API schema every output is generated against. */
export const SCHEMA = here('../api/schema.graphql');

/**
 * graphql-codegen's client preset: every operation becomes a TypedDocumentString (a plain
 * string at run time, so no graphql-js reaches the browser) carrying its sha256 hash, and
 * `persisted-documents.json` lists them for the server to allow-list.
 */
function clientOutput(documents: string): CodegenConfig['generates'][string] {
  return {
    documents: [documents],
    preset: 'client',
    presetConfig: {
      fragmentMasking: false,
      persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
    },
    config: {
      documentMode: 'string',
      onlyOperationTypes: true,
      enumsAsTypes: true,
      useTypeImports: true,
      skipTypename: true,
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      scalars: { DateTimeISO: 'string' },
    },
  };
}

/**
 * The core operations, `src/operations.ts` → `src/gql/`: they use only the core schema, so
 * they generate against any deployment's schema. The drift test regenerates in memory and
 * compares with the committed `src/gql/`.
 */
export const codegenConfig: CodegenConfig = {
  schema: SCHEMA,
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: { [here('src/gql/')]: clientOutput(here('src/operations.ts')) },
};

/**
 * The glossary's operations, `src/glossary/operations.ts` → `src/glossary/gql/`: they need
 * the optional glossary schema module (`Story.terms`), so they live apart and generate only
 * when the schema has it. The generated module imports nothing outside its folder, so the
 * element compiles whether or not the schema it was built against has the glossary.
 */
export const glossaryCodegenConfig: CodegenConfig = {
  ...codegenConfig,
  generates: { [here('src/glossary/gql/')]: clientOutput(here('src/glossary/operations.ts')) },
};

/**
 * The share form's operation, `src/submit/operations.ts` → `src/submit/gql/`: generated apart so
 * that its text lives only in the form's chunk, which the element loads when a reader opens it.
 */
export const submitCodegenConfig: CodegenConfig = {
  ...codegenConfig,
  generates: { [here('src/submit/gql/')]: clientOutput(here('src/submit/operations.ts')) },
};

/** True when the SDL (as graphql-js prints it) gives `Story` a `terms` field. */
export function hasGlossary(sdl: string): boolean {
  const story = /^type Story\b[^{]*\{([^}]*)^\}/m.exec(sdl);
  return story !== null && /^ {2}terms\b/m.test(story[1]);
}

/**
 * What the `codegen` target generates for a schema: the core operations and the share form's
 * always, the glossary's only when the schema has the glossary module.
 */
export function codegenFor(sdl: string): CodegenConfig {
  const always = { ...codegenConfig.generates, ...submitCodegenConfig.generates };
  if (!hasGlossary(sdl)) return { ...codegenConfig, generates: always };
  return { ...codegenConfig, generates: { ...always, ...glossaryCodegenConfig.generates } };
}

export default codegenFor(readFileSync(SCHEMA, 'utf8'));
