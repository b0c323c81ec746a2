import {
  type GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  lexicographicSortSchema,
} from 'graphql';
import type { ConsumerOperations } from './consumer-operations.js';
import { operationUsage } from './operation-usage.js';

/** Who uses one field (or input field) of the schema. */
export interface FieldUsage {
  /** `Story.metrics`, `StoryFilter.practice` */
  coordinate: string;
  /** Set when the field is `@deprecated`. */
  deprecationReason?: string;
  /** Consumer folder → names of its operations that use the field, sorted. */
  users: Map<string, string[]>;
}

/** Every type with fields, and who uses each field. */
export interface SchemaUsageReport {
  /** Each consumer with the names of its operations, sorted. */
  consumers: { root: string; packageName: string; operations: string[] }[];
  types: { name: string; fields: FieldUsage[] }[];
  /** Coordinates no operation uses. */
  unused: string[];
  /** Deprecated fields some operation still uses. */
  deprecatedInUse: FieldUsage[];
}

/**
 * Who uses what: for every object, interface and input type of `schema`, each field with the
 * consumers and operations that use it, the fields nobody uses, and the deprecated ones still used.
 */
export function schemaUsage(schema: GraphQLSchema, found: ConsumerOperations): SchemaUsageReport {
  const users = new Map<string, Map<string, Set<string>>>();
  const add = (coordinate: string, consumer: string, operation: string) => {
    const byConsumer = users.get(coordinate) ?? new Map<string, Set<string>>();
    users.set(coordinate, byConsumer);
    byConsumer.set(consumer, (byConsumer.get(consumer) ?? new Set<string>()).add(operation));
  };
  for (const operation of found.operations) {
    const usage = operationUsage(schema, operation.document);
    for (const coordinate of usage.coordinates) add(coordinate, operation.consumer.root, operation.name);
    // Input objects its variables carry: which of their fields it sends is known only at run time.
    for (const name of usage.variableTypes) {
      const type = schema.getType(name);
      if (!isInputObjectType(type)) continue;
      for (const field of Object.keys(type.getFields())) {
        add(`${name}.${field}`, operation.consumer.root, `${operation.name} (through variables)`);
      }
    }
  }
  const report: SchemaUsageReport = {
    consumers: found.consumers.map((consumer) => ({
      ...consumer,
      operations: [
        ...new Set(found.operations.filter((o) => o.consumer.root === consumer.root).map((o) => o.name)),
      ].sort(),
    })),
    types: [],
    unused: [],
    deprecatedInUse: [],
  };
  const sorted = lexicographicSortSchema(schema);
  for (const type of Object.values(sorted.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    const fields = Object.values(type.getFields()).map((field): FieldUsage => {
      const coordinate = `${type.name}.${field.name}`;
      const byConsumer = users.get(coordinate) ?? new Map<string, Set<string>>();
      const usage: FieldUsage = {
        coordinate,
        users: new Map(
          [...byConsumer.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([root, names]) => [root, [...names].sort()]),
        ),
      };
      if (field.deprecationReason) usage.deprecationReason = field.deprecationReason;
      if (!usage.users.size) report.unused.push(coordinate);
      else if (usage.deprecationReason !== undefined) report.deprecatedInUse.push(usage);
      return usage;
    });
    report.types.push({ name: type.name, fields });
  }
  return report;
}

const usersText = (users: Map<string, string[]>) =>
  [...users.entries()].map(([root, names]) => `${root}: ${names.join(', ')}`).join(' · ');

/** The report as `nx run @devops-stories/api:schema-usage` prints it. */
export function formatSchemaUsage(report: SchemaUsageReport): string {
  const operations = report.consumers.reduce((sum, consumer) => sum + consumer.operations.length, 0);
  const lines = [`Schema usage by ${report.consumers.length} consumers, ${operations} operations:`];
  for (const consumer of report.consumers) {
    lines.push(`  ${consumer.root} (${consumer.packageName}): ${consumer.operations.join(', ') || 'no operations'}`);
  }
  for (const type of report.types) {
    lines.push('', type.name);
    const width = Math.max(...type.fields.map((field) => field.coordinate.length - type.name.length - 1));
    for (const field of type.fields) {
      const name = field.coordinate.slice(type.name.length + 1).padEnd(width);
      const deprecated = field.deprecationReason !== undefined ? ` [deprecated: ${field.deprecationReason}]` : '';
      lines.push(`  ${name}  ${field.users.size ? usersText(field.users) : '-'}${deprecated}`);
    }
  }
  lines.push('', `Fields no consumer uses (${report.unused.length}): ${report.unused.join(', ') || 'none'}`);
  lines.push(
    `Deprecated fields still in use (${report.deprecatedInUse.length}):${report.deprecatedInUse.length ? '' : ' none'}`,
  );
  for (const field of report.deprecatedInUse) lines.push(`  ${field.coordinate}: ${usersText(field.users)}`);
  return `${lines.join('\n')}\n`;
}
