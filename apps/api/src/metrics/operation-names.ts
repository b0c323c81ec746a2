import { existsSync, readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';

/**
 * The names of the operations in persisted-document manifests (`{ "<sha256>": "<document>" }`, as
 * graphql-codegen writes them for the web client): the operations the API knows by name. Files that
 * do not exist are skipped.
 */
export function operationNamesIn(manifestFiles: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of manifestFiles) {
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    for (const document of Object.values(manifest)) {
      for (const definition of parse(document).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
      }
    }
  }
  return [...names].sort();
}
