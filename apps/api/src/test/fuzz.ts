import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integers at and beyond every boundary the API has (page sizes, related, search, days, Int32). */
const INTS = [0, -1, 1, 2, 3, 10, 20, 21, 50, 51, 99, 100, 101, 2147483647, -2147483648, 6, 90, 91];
/** Strings a client should not be able to hurt the API with. */
const STRINGS = [
  '',
  ' ',
  'amazon',
  'continuous-deployment',
  'x'.repeat(300),
  "'; DROP TABLE stories; --",
  '../../../../etc/passwd',
  '%s%s%n',
  '\u0000\u0001',
  '🚀'.repeat(20),
  '"*" OR NEAR(',
  'deploy*',
  'U3Rvcnk6YW1hem9u',
  '.',
];

/**
 * Generates random query documents over `schema`: random fields to a random depth, every argument
 * sometimes given a boundary value (sizes 0, -1, 101, Int32 limits; empty, long and hostile strings;
 * unknown enum values are left to other tests because they fail validation).
 */
export function documentGenerator(schema: GraphQLSchema, random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const literal = (type: GraphQLInputType, depth: number): string => {
    if (isNonNullType(type)) return literal(type.ofType, depth);
    if (random() < 0.08) return 'null';
    if (isListType(type)) return `[${literal(type.ofType, depth + 1)}]`;
    if (isEnumType(type)) return pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      if (depth > 2) return '{}';
      const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || random() < 0.5);
      return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, depth + 1)}`).join(', ')} }`;
    }
    if (isScalarType(type)) {
      if (type.name === 'Int') return String(pick(INTS));
      if (type.name === 'Float') return pick(['0', '-1.5', '1e300']);
      if (type.name === 'Boolean') return pick(['true', 'false']);
      return JSON.stringify(pick(STRINGS));
    }
    return 'null';
  };

  const args = (list: readonly GraphQLArgument[]) => {
    const given = list.filter((a) => isNonNullType(a.type) || random() < 0.6);
    return given.length ? `(${given.map((a) => `${a.name}: ${literal(a.type, 0)}`).join(', ')})` : '';
  };

  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isUnionType(type)) {
      const members = type.getTypes();
      return `{ __typename ${members
        .filter(() => random() < 0.6)
        .map((m) => `... on ${m.name} ${selection(m, depth)}`)
        .join(' ')} }`;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return '';
    const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
    const chosen = fields.filter(() => random() < 0.35);
    if (!chosen.length) chosen.push(pick(fields));
    const parts = chosen.flatMap((field) => {
      const named = getNamedType(field.type);
      const leaf = isScalarType(named) || isEnumType(named);
      if (!leaf && depth >= 4) return [];
      const alias = random() < 0.1 ? `a${Math.floor(random() * 1000)}_${field.name}: ` : '';
      return [`${alias}${field.name}${args(field.args)}${leaf ? '' : ` ${selection(named, depth + 1)}`}`];
    });
    return `{ ${parts.length ? parts.join(' ') : '__typename'} }`;
  };

  return (): string => selection(schema.getQueryType()!, 0);
}
