import {
  coerceInputValue,
  GraphQLError,
  type GraphQLSchema,
  isInputType,
  isNonNullType,
  type OperationDefinitionNode,
  typeFromAST,
  valueFromAST,
} from 'graphql';

/** Thrown inside the coercion to stop it; not an Error, whose stack each call would pay for. */
const STOP = Symbol('too many variable errors');

/** Longest preview of a client's value an error message quotes. */
export const MAX_VALUE_PREVIEW = 60;

/** The outcome of {@link coerceVariables}: the values execution will see, or the first errors. */
export type CoercedVariables =
  { ok: true; values: Record<string, unknown> } | { ok: false; errors: GraphQLError[]; truncated: boolean };

/**
 * Coerces an operation's variables as graphql-js execution does, but stops after `maxErrors`
 * errors and never quotes more than {@link MAX_VALUE_PREVIEW} characters of a client's value
 * (graphql-js repeats the whole value in each of up to 50 errors).
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown> = {},
  maxErrors: number,
): CoercedVariables {
  const values: Record<string, unknown> = {};
  const errors: GraphQLError[] = [];
  const stop = STOP;
  const report = (message: string, variable: string) => {
    errors.push(new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', variable } }));
    if (errors.length >= maxErrors) throw stop;
  };
  try {
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type);
      if (!type || !isInputType(type)) continue; // validation has refused the document
      if (!Object.hasOwn(inputs, name)) {
        if (definition.defaultValue) values[name] = valueFromAST(definition.defaultValue, type);
        else if (isNonNullType(type))
          report(`Variable "$${name}" of required type "${String(type)}" was not provided.`, name);
        continue;
      }
      const value = inputs[name];
      if (value === null && isNonNullType(type)) {
        report(`Variable "$${name}" of non-null type "${String(type)}" must not be null.`, name);
        continue;
      }
      values[name] = coerceInputValue(value, type, (path, invalid, error) => {
        const at = path.length
          ? ` at "${name}${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}"`
          : '';
        report(`Variable "$${name}" got invalid value ${preview(invalid)}${at}; ${shorten(error.message)}`, name);
      });
    }
  } catch (error) {
    if (error !== stop) throw error;
    return { ok: false, errors, truncated: true };
  }
  return errors.length ? { ok: false, errors, truncated: false } : { ok: true, values };
}

/** Longest message an error may carry; graphql-js quotes client text (field names, enum values) in full. */
export const MAX_ERROR_MESSAGE = 300;

/** `message`, cut to {@link MAX_ERROR_MESSAGE} characters. */
export function shorten(message: string): string {
  return message.length > MAX_ERROR_MESSAGE ? `${message.slice(0, MAX_ERROR_MESSAGE - 1)}…` : message;
}

/** A short, bounded rendering of a client's value: never the whole of a large object. */
export function preview(value: unknown): string {
  let text: string;
  if (value === null || typeof value !== 'object') {
    text = typeof value === 'string' ? JSON.stringify(value.slice(0, MAX_VALUE_PREVIEW)) : String(value);
  } else if (Array.isArray(value)) {
    text = `a list of ${value.length} items`;
  } else {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 3).map((k) => JSON.stringify(k.slice(0, 20)));
    text = `an object with ${keys.length} field${keys.length === 1 ? '' : 's'} (${shown.join(', ')}${keys.length > 3 ? ', …' : ''})`;
  }
  return text.length > MAX_VALUE_PREVIEW ? `${text.slice(0, MAX_VALUE_PREVIEW - 1)}…` : text;
}
