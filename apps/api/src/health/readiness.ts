/**
 * One dependency readiness depends on. The database is one; the response cache and the
 * PostgreSQL notification link will be others.
 */
export interface ReadinessCheck {
  /** Names the part in a failing answer: `database`, `cache`, `notifications`. */
  name: string;
  /**
   * Resolves when the part works; rejects when it does not. The rejection's message is logged;
   * clients see it only if it is a {@link ReadinessFailure} (whose message is written for them).
   */
  check(): Promise<void>;
}

/** A failure whose message may be shown publicly: it says what is wrong without paths or internals. */
export class ReadinessFailure extends Error {
  override name = 'ReadinessFailure';
}

/** What one check found. */
export interface CheckResult {
  status: 'ok' | 'fail';
  /** Why it failed, in public words; absent when it passed. */
  reason?: string;
  ms: number;
}

/** The readiness answer: `ok`, `unavailable` (a check failed) or `draining` (shutdown has begun). */
export interface ReadinessReport {
  status: 'ok' | 'unavailable' | 'draining';
  /** The failing parts' names; empty when ready. */
  failing: string[];
  checks: Record<string, CheckResult>;
}

/** Options of {@link Readiness}. */
export interface ReadinessOptions {
  /** Longest a check may take before it counts as failed; default 2,000 ms. */
  checkTimeoutMs?: number;
  /** Told when a check starts failing (with the error) and when it passes again; default silent. */
  onChange?: (name: string, error: unknown) => void;
}

/**
 * Whether the server should receive traffic: every named check passes and shutdown has not begun.
 * The checks run on each {@link report}, concurrently, each bounded by `checkTimeoutMs`; once
 * {@link drain} is called, the report is `draining` without running them.
 */
export class Readiness {
  readonly #checks: ReadinessCheck[];
  readonly #timeoutMs: number;
  readonly #onChange: (name: string, error: unknown) => void;
  readonly #failing = new Set<string>();
  #draining = false;

  constructor(checks: ReadinessCheck[], options: ReadinessOptions = {}) {
    const names = checks.map((c) => c.name);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice) throw new Error(`two readiness checks are named "${twice}"`);
    this.#checks = checks;
    this.#timeoutMs = options.checkTimeoutMs ?? 2_000;
    this.#onChange = options.onChange ?? (() => undefined);
  }

  /** True once shutdown has begun. */
  get draining(): boolean {
    return this.#draining;
  }

  /** Shutdown has begun: from now on readiness answers `draining` (503) whatever the checks say. */
  drain(): void {
    this.#draining = true;
  }

  /** Runs every check (unless draining) and reports. */
  async report(): Promise<ReadinessReport> {
    if (this.#draining) return { status: 'draining', failing: ['shutdown'], checks: {} };
    const results = await Promise.all(this.#checks.map((check) => this.#run(check)));
    const checks = Object.fromEntries(this.#checks.map((check, i) => [check.name, results[i]]));
    const failing = this.#checks.filter((_, i) => results[i].status === 'fail').map((c) => c.name);
    return { status: failing.length ? 'unavailable' : 'ok', failing, checks };
  }

  async #run(check: ReadinessCheck): Promise<CheckResult> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ReadinessFailure(`did not answer within ${this.#timeoutMs} ms`)),
        this.#timeoutMs,
      );
    });
    const ms = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      await Promise.race([check.check(), timeout]);
      if (this.#failing.delete(check.name)) this.#onChange(check.name, undefined);
      return { status: 'ok', ms: ms() };
    } catch (error) {
      if (!this.#failing.has(check.name)) {
        this.#failing.add(check.name);
        this.#onChange(check.name, error);
      }
      const reason = error instanceof ReadinessFailure ? error.message : 'failed (see the server log)';
      return { status: 'fail', reason, ms: ms() };
    } finally {
      clearTimeout(timer);
    }
  }
}
