import type { SubmissionGate } from '@devops-stories/story-graph';
import pg from 'pg';
import { clientKey } from '../rate-limit/client-key.js';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** The window submissions are counted in, in seconds. */
export const SUBMISSION_WINDOW_SECONDS = 3600;

/** At most `perHour` stored submissions per client address an hour, in this process's memory. */
export function memorySubmissionLimiter(perHour: number): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: 'submissions', points: perHour, duration: SUBMISSION_WINDOW_SECONDS });
}

/**
 * At most `perHour` stored submissions per client address an hour across every replica on the
 * PostgreSQL database at `url`: the counts live in its `rate_limit_submissions` table (created if
 * missing), on a pool of two connections of its own. Resolves once the table is there.
 */
export async function postgresSubmissionLimiter(
  url: string,
  perHour: number,
): Promise<{ limiter: RateLimiterAbstract; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: 'devops-stories-limits' });
  pool.on('error', () => undefined);
  try {
    const limiter = await new Promise<RateLimiterAbstract>((resolve, reject) => {
      const created: RateLimiterAbstract = new RateLimiterPostgres(
        {
          storeClient: pool,
          storeType: 'pool',
          tableName: 'rate_limit_submissions',
          keyPrefix: 'submissions',
          points: perHour,
          duration: SUBMISSION_WINDOW_SECONDS,
          clearExpiredByTimeout: false,
        },
        (error?: unknown) =>
          error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(created),
      );
    });
    return { limiter, close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/**
 * The story graph's gate for `submitStory` over a rate-limiter-flexible limiter (memory here; its
 * PostgreSQL store shares counts across replicas): null when the client may submit (and counts
 * it), else the seconds to wait. A failing limiter lets the submission through and logs why.
 */
export function submissionGate(limiter: RateLimiterAbstract, log: (message: string) => void): SubmissionGate {
  return async (clientAddress) => {
    try {
      await limiter.consume(clientKey(clientAddress), 1);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      log(`submission limiter unavailable, submission accepted: ${String(rejection)}`);
      return null;
    }
  };
}
