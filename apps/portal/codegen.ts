import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The committed API schema the portal's operations are generated against. */
export const SCHEMA = here('../api/schema.graphql');

/**
 * `src/operations.ts` → `src/gql/`: graphql-codegen's client preset, as in `apps/web`. Every
 * operation becomes a TypedDocumentString (a plain string, so the server needs no graphql-js)
 * carrying its sha256 hash, and `persisted-documents.json` is the manifest the API allow-lists.
 * The drift test regenerates in memory and compares with the committed `src/gql/`.
 */
export const codegenConfig: CodegenConfig = {
  schema: SCHEMA,
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    [here('src/gql/')]: {
      documents: [here('src/operations.ts')],
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
    },
  },
};

export default codegenConfig;
