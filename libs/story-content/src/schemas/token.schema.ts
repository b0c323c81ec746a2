import { text } from './fields.js';

const TOKEN_NAME = /^[\p{L}\p{N}._@ -]+$/u;

/** The name of an API token: who uses it (the audit log names writes by it). Letters, digits, `._@ -`. */
export const TokenNameSchema = text(80).regex(TOKEN_NAME, {
  error: 'may hold letters, digits, spaces and . _ @ - only',
});
