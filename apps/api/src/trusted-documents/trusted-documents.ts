import {
  type DocumentNode,
  getNamedType,
  isAbstractType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type OperationDefinitionNode,
  type OperationTypeNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { type DocumentShape, measureOperation } from '../cost/query-cost.js';
import { documentHash, type ManifestSource } from './manifests.js';
import { compilePrice } from './price-plan.js';

/** One operation of a trusted document, prepared at start. */
export interface TrustedOperation {
  name: string | null;
  type: OperationTypeNode;
  definition: OperationDefinitionNode;
  /** Its price under the cost model, compiled once: only variable-dependent parts are priced per request. */
  price: (variables: Record<string, unknown>) => number;
  /** Depth, aliases and directives with every `@skip`/`@include` counted in: the most any variables give. */
  worstShape: DocumentShape;
  /** Compiled by graphql-jit, for queries. */
  compiled?: CompiledQuery;
  /**
   * Writes `{"data":…}` of a clean answer: the serializer graphql-jit compiled for the query's
   * shape, or JSON.stringify where it would order fields otherwise (a union's or an interface's
   * members, whose fields it writes in schema order, not the order selected).
   */
  serializeData?: (data: unknown) => string;
}

/** A document of a manifest, parsed and validated once at start. */
export interface TrustedDocument {
  /** `sha256:<hex>` */
  id: string;
  text: string;
  document: DocumentNode;
  operations: TrustedOperation[];
  /** The manifests that list it. */
  sources: string[];
}

/** What loading found: each source with its count, and the documents left out with why. */
export interface TrustedDocumentsReport {
  sources: { source: string; documents: number }[];
  skipped: { source: string; id: string; reason: string }[];
}

/** Options of {@link loadTrustedDocuments}. */
export interface TrustedDocumentsOptions {
  /** The schema documents are validated against (and compiled for). */
  schema: GraphQLSchema;
  /** The schema graphql-jit compiles for: a build of its own, whose resolvers the lean path may wrap. */
  executionSchema: GraphQLSchema;
  manifests: readonly ManifestSource[];
  estimators: ComplexityEstimator[];
  /** When false (production), introspection fields make a document invalid, as they do for Apollo. */
  introspection: boolean;
  maxTokens: number;
}

/**
 * The trusted documents: every manifest's documents by id, each parsed, validated and priced
 * once, and each query compiled by graphql-jit. A document that does not validate against this
 * schema (a consumer's operation for a module this deployment lacks) is left out and reported.
 */
export class TrustedDocuments {
  private constructor(
    private readonly byHash: ReadonlyMap<string, TrustedDocument>,
    readonly report: TrustedDocumentsReport,
  ) {}

  static load(options: TrustedDocumentsOptions): TrustedDocuments {
    const rules = options.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
    const byHash = new Map<string, TrustedDocument>();
    const report: TrustedDocumentsReport = { sources: [], skipped: [] };
    for (const { source, manifest } of options.manifests) {
      let count = 0;
      for (const [hash, text] of Object.entries(manifest)) {
        const known = byHash.get(hash);
        if (known) {
          known.sources.push(source);
          count++;
          continue;
        }
        const skip = (reason: string) => report.skipped.push({ source, id: `sha256:${hash}`, reason });
        let document: DocumentNode;
        try {
          document = parse(text, { maxTokens: options.maxTokens });
        } catch (error) {
          skip((error as Error).message);
          continue;
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length) {
          skip(errors.map((e) => e.message).join(' '));
          continue;
        }
        const operations = document.definitions
          .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
          .map((definition) => prepareOperation(options, document, definition));
        byHash.set(hash, { id: `sha256:${hash}`, text, document, operations, sources: [source] });
        count++;
      }
      report.sources.push({ source, documents: count });
    }
    return new TrustedDocuments(byHash, report);
  }

  /** How many distinct documents are trusted. */
  get size(): number {
    return this.byHash.size;
  }

  /** The document with this sha256 hex (no prefix), if trusted. */
  byId(hash: string): TrustedDocument | undefined {
    return this.byHash.get(hash);
  }

  /** The trusted document with exactly this text, if any: a client that sends a trusted document's text sends that document. */
  byText(text: string): TrustedDocument | undefined {
    return this.byHash.get(documentHash(text));
  }

  all(): IterableIterator<TrustedDocument> {
    return this.byHash.values();
  }

  /**
   * The names of the trusted operations, sorted: the operations the API knows by name, which
   * the metrics keep as `operation` label values (any other name is `other`).
   */
  operationNames(): string[] {
    const names = new Set<string>();
    for (const document of this.byHash.values()) {
      for (const operation of document.operations) if (operation.name) names.add(operation.name);
    }
    return [...names].sort();
  }
}

/** The operation a request names in a document: by `operationName`, or the only one. */
export function selectOperation(
  document: TrustedDocument,
  operationName: string | null | undefined,
): TrustedOperation | undefined {
  if (operationName) return document.operations.find((o) => o.name === operationName);
  return document.operations.length === 1 ? document.operations[0] : undefined;
}

function prepareOperation(
  options: TrustedDocumentsOptions,
  document: DocumentNode,
  definition: OperationDefinitionNode,
): TrustedOperation {
  const name = definition.name?.value ?? null;
  const operation: TrustedOperation = {
    name,
    type: definition.operation,
    definition,
    price: compilePrice({ schema: options.schema, document, operation: definition, estimators: options.estimators }),
    worstShape: measureOperation(document, definition),
  };
  if (definition.operation === 'query') {
    const single: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === definition),
    };
    // customJSONSerializer: a serializer compiled for this query's shape (fast-json-stringify) writes clean answers.
    const compiled = compileQuery(options.executionSchema, single, name ?? undefined, { customJSONSerializer: true });
    if (!isCompiledQuery(compiled)) {
      throw new Error(`graphql-jit cannot compile ${name ?? 'an operation'}: ${JSON.stringify(compiled.errors)}`);
    }
    operation.compiled = compiled;
    operation.serializeData = selectsAbstractTypes(options.schema, single)
      ? (data) => JSON.stringify({ data })
      : (data) => compiled.stringify({ data });
  }
  return operation;
}

/** Whether any field of the document returns a union or an interface. */
function selectsAbstractTypes(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type && isAbstractType(getNamedType(type))) found = true;
      },
    }),
  );
  return found;
}
