import { NODE_TYPENAMES, type NodeTypename } from '@devops-stories/story-model';
import { badInput } from '../errors/bad-input.js';

/** The opaque global id of a node: base64url of `Type:key`, stable across imports. */
export function toGlobalId(typename: NodeTypename, key: string | number): string {
  return Buffer.from(`${typename}:${key}`, 'utf8').toString('base64url');
}

/**
 * Decodes a global id.
 *
 * @throws BAD_USER_INPUT when `id` was not issued by {@link toGlobalId}.
 */
export function fromGlobalId(id: string): { typename: NodeTypename; key: string } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const typename = decoded.slice(0, colon) as NodeTypename;
  const key = decoded.slice(colon + 1);
  if (colon < 1 || !key || !NODE_TYPENAMES.includes(typename) || toGlobalId(typename, key) !== id) {
    throw badInput(
      `"${id}" is not an id this API issued; use the \`id\` field of a Story, Company, Practice, Day or Recap.`,
      'id',
    );
  }
  return { typename, key };
}
