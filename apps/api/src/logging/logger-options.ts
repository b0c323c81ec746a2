import { randomUUID } from 'node:crypto';
import { type FastifyServerOptions, LogController } from 'fastify';

/** The levels `LOG_LEVEL` accepts, most to least verbose (pino's). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where log lines go: a stream with `write(line)`, such as `process.stdout` or a test's collector. */
export interface LogDestination {
  write(line: string): void;
}

/**
 * Fastify's logger and request-id settings: pino at `level` as JSON lines, with credentials and
 * variables redacted where a log call might include them (nothing the server logs does: this is
 * the second line of defence; exact paths only, since wildcards cost every log call); request ids are random UUIDs of the server's own, never taken from
 * a client's header; Fastify's two lines per request are off, since {@link requestLogging} writes one.
 */
export function loggerOptions(
  level: LogLevel,
  destination?: LogDestination,
): Pick<FastifyServerOptions, 'logger' | 'logController' | 'genReqId' | 'requestIdHeader'> {
  return {
    logger: {
      level,
      ...(destination ? { stream: destination } : {}),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.cookie',
          'variables',
          'token',
        ],
        censor: '[redacted]',
      },
    },
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  };
}
