/**
 * The hostile documents of issue 7, as an attacker sent them to `npm start`: each once grew the
 * process by hundreds of megabytes to gigabytes, or killed it.
 */

/**
 * `levels` fragments, each spreading the one before twice under `related(first: 20)`; 12 levels
 * (about 1.1 kB) once took the process to 3.5 GB and a V8 out-of-memory crash.
 */
export function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Story { slug title headline }'];
  for (let i = 1; i <= levels; i++) {
    fragments.push(
      `fragment F${i} on Story { related(first: 20) { ...F${i - 1} } again: related(first: 20) { ...F${i - 1} } }`,
    );
  }
  return `query Bomb { stories(first: 20) { nodes { ...F${levels} } } }\n${fragments.join('\n')}`;
}

/** `related(first: 20)` nested `depth` deep under one story (ten deep: 6.6 s and 12.9 MB once). */
export function relatedChain(depth: number): string {
  return `{ story(slug: "amazon") { ${'related(first: 20) { slug '.repeat(depth)}${'}'.repeat(depth)} } }`;
}

/** `stories > practices > stories` repeated `depth` times (five deep: 11.2 s once). */
export function practiceCycle(depth: number): string {
  const open = 'practices { slug stories(first: 100) { nodes { slug '.repeat(depth);
  return `{ stories(first: 100) { nodes { slug ${open}${'} } } '.repeat(depth)}} } }`;
}

/** A `StoryFilter` variable with `keys` unknown fields (90,000 keys is about 1 MB of JSON). */
export function unknownFieldsFilter(keys: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));
}
