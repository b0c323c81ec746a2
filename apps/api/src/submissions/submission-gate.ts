import type { SubmissionGate } from '@devops-stories/story-graph';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The window submissions are counted in, in seconds. */
export const SUBMISSION_WINDOW_SECONDS = 3600;

/** At most `perHour` stored submissions per client address an hour, in this process's memory. */
export function memorySubmissionLimiter(perHour: number): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: 'submissions', points: perHour, duration: SUBMISSION_WINDOW_SECONDS });
}

/**
 * The story graph's gate for `submitStory` over a rate-limiter-flexible limiter (memory here; its
 * PostgreSQL store shares counts across replicas): null when the client may submit (and counts
 * it), else the seconds to wait. A failing limiter lets the submission through and logs why.
 */
export function submissionGate(limiter: RateLimiterAbstract, log: (message: string) => void): SubmissionGate {
  return async (clientKey) => {
    try {
      await limiter.consume(clientKey, 1);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      log(`submission limiter unavailable, submission accepted: ${String(rejection)}`);
      return null;
    }
  };
}
