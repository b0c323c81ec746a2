/**
 * Edits SDL as graphql-js prints it (`apps/api/schema.graphql`) without graphql-js, which
 * the web project may not import: a test uses it to stand for a deployment that leaves a
 * schema module out.
 */

/** The top-level definitions of printed SDL, each with its description. */
function definitions(sdl: string): string[] {
  return sdl.trim().split(/\n\n(?=\S)/);
}

/** A field's arguments: on its line, or one per line at four spaces up to `  )`. */
const ARGUMENTS = String.raw`(?:\([^\n]*?\)|\(\n(?:(?: {4}[^\n]*)?\n)*? {2}\))`;

function definitionName(definition: string): string | undefined {
  return /^(?:type|interface|input|enum|union|scalar)\s+(\w+)/m.exec(definition)?.[1];
}

/**
 * `sdl` without the type `name` and without every field whose type is `name`, `[name!]` and
 * the like (with the field's description and arguments).
 */
export function withoutType(sdl: string, name: string): string {
  const field = new RegExp(
    `(\\n\\n? {2}"""(?:(?!""")[\\s\\S])*""")?\\n {2}\\w+${ARGUMENTS}?: \\[?${name}!?\\]?!?(?=\\n)`,
    'g',
  );
  return (
    definitions(sdl)
      .filter((definition) => definitionName(definition) !== name)
      .map((definition) => definition.replace(field, ''))
      .join('\n\n') + '\n'
  );
}
