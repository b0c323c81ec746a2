import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * graphql-codegen's client preset over the committed API schema: every operation in
 * `src/operations.ts` becomes a TypedDocumentString (a plain string at run time, so no
 * graphql-js reaches the browser) carrying its sha256 hash, and `persisted-documents.json`
 * lists them for the server to allow-list later. Run by the `codegen` target; the drift
 * test regenerates in memory and compares with the committed `src/gql/`.
 */
export const codegenConfig: CodegenConfig = {
  schema: here('../api/schema.graphql'),
  documents: [here('src/operations.ts')],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    [here('src/gql/')]: {
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
