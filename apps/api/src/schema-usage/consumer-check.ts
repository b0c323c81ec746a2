import type { Change } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema, validate } from 'graphql';
import type { CompatReport } from '../schema-compat.js';
import type { ConsumerOperation, ConsumerOperations } from './consumer-operations.js';
import { operationsAffectedBy, operationUsage } from './operation-usage.js';

/** An operation of one consumer, merged across the places it is written (source and manifest). */
export interface OperationFinding {
  /** The consumer project's folder, such as `apps/portal`. */
  consumer: string;
  /** The operation's name. */
  operation: string;
  /** What about it: the coordinate it uses, or the validation error. */
  detail: string;
  /** Where it is written, relative to the consumer. */
  sources: string[];
}

/** What the consumers' operations make of the changes since the released schema. */
export interface ConsumerCheck {
  /** Breaking changes (not in the allowlist) that some consumer's operation uses: the check fails on any. */
  used: { change: Change; findings: OperationFinding[] }[];
  /** Breaking changes no consumer uses: allowed without an allowlist entry, and reported. */
  unused: Change[];
  /** Operations that no longer validate against the current schema: the check fails on any, allowlist or not. */
  invalid: OperationFinding[];
  /** Consumer documents that cannot be read: the check fails on any. */
  problems: string[];
}

/** Merges findings of the same consumer, operation and detail, collecting where each is written. */
export function mergeFindings(findings: { operation: ConsumerOperation; detail: string }[]): OperationFinding[] {
  const merged = new Map<string, OperationFinding>();
  for (const { operation, detail } of findings) {
    const key = JSON.stringify([operation.consumer.root, operation.name, detail]);
    const found = merged.get(key);
    if (found) {
      if (!found.sources.includes(operation.source)) found.sources.push(operation.source);
    } else {
      merged.set(key, {
        consumer: operation.consumer.root,
        operation: operation.name,
        detail,
        sources: [operation.source],
      });
    }
  }
  return [...merged.values()];
}

/**
 * Judges the breaking changes of `report` by what the consumers' operations use: each
 * unapproved breaking change is `used` when an operation (read against the released schema)
 * touches its coordinate, `unused` otherwise; and validates every operation against the
 * current schema.
 */
export function checkConsumers(
  report: CompatReport,
  releasedSdl: string,
  currentSdl: string,
  found: ConsumerOperations,
): ConsumerCheck {
  const released: GraphQLSchema = buildSchema(releasedSdl);
  const current: GraphQLSchema = buildSchema(currentSdl);
  const indexed = found.operations.map((operation) => ({
    operation,
    usage: operationUsage(released, operation.document),
  }));
  const check: ConsumerCheck = { used: [], unused: [], invalid: [], problems: found.problems };
  for (const change of report.unapproved) {
    const uses = operationsAffectedBy(released, change.path, indexed);
    if (uses.length) {
      check.used.push({
        change,
        findings: mergeFindings(uses.map(({ operation, uses }) => ({ operation, detail: uses }))),
      });
    } else {
      check.unused.push(change);
    }
  }
  check.invalid = mergeFindings(
    found.operations.flatMap((operation) =>
      validate(current, operation.document).map((error) => ({ operation, detail: error.message })),
    ),
  );
  return check;
}

/** `apps/portal › PortalDay uses Company.industry (src/operations.ts:27, src/gql/persisted-documents.json (edff3e14…))` */
export function describeFinding(finding: OperationFinding, verb = 'uses'): string {
  return `${finding.consumer} › ${finding.operation} ${verb} ${finding.detail} (${finding.sources.join(', ')})`;
}
