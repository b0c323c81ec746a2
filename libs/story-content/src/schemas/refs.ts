/**
 * The records content may point at, for the reference rules of the schemas: the loader passes
 * what the content folder holds, the API what the store holds.
 */
export interface ContentRefs {
  companies: ReadonlySet<string>;
  practices: ReadonlySet<string>;
  days: ReadonlySet<number>;
  /** Story slugs a recap may link. */
  stories: ReadonlySet<string>;
  /** `files`: messages say which folder lacks the record (`no company "acme" in companies/`). */
  source: 'files' | 'store';
}

/** The message for a reference to a record that is not there. */
export function missingRef(refs: ContentRefs, what: string, key: string | number, folder: string): string {
  return refs.source === 'files'
    ? `no ${what} ${key} in ${folder}/`
    : `no ${what} ${key}: create it first, or name one that exists`;
}
