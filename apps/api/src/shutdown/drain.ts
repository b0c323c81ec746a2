/** What {@link drainOnSignals} stops: anything with a `close` that resolves once in-flight work is done. */
export interface Drainable {
  close(): Promise<void>;
}

/** Options of {@link drainOnSignals}. */
export interface DrainOptions {
  /** Signals that start the drain. Default SIGTERM and SIGINT. */
  signals?: NodeJS.Signals[];
  /**
   * How long to keep serving after `onDrainStart` (readiness already answering 503) before closing,
   * so load balancers stop routing here first. Default 0.
   */
  delayMs?: number;
  /** Longest wait for in-flight requests, once closing, before exiting anyway with status 1. Default 15 s. */
  graceMs?: number;
  /** Called first when a drain starts (before `close`), e.g. to answer readiness checks with 503. */
  onDrainStart?: (signal: NodeJS.Signals) => void;
  log: { info(message: string): void; error(error: unknown, message: string): void };
  /** Ends the process; tests replace it. Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * Installs the process's shutdown: on the first of `signals`, call `onDrainStart` (readiness turns
 * 503), keep serving for `delayMs`, then stop accepting connections, let every in-flight request
 * finish (via `server.close()`), and exit 0; exit 1 if closing fails or takes longer than `graceMs`. A second signal during the drain is ignored (the drain is already
 * under way); Apollo's own signal handling must be off (`stopOnTerminationSignals: false`).
 *
 * @returns a function that removes the signal handlers.
 */
export function drainOnSignals(server: Drainable, options: DrainOptions): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let draining = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    options.log.info(`${signal} received, shutting down: draining in-flight requests`);
    options.onDrainStart?.(signal);
    const delayMs = options.delayMs ?? 0;
    if (delayMs > 0) {
      options.log.info(`still serving for ${delayMs} ms while load balancers see readiness fail`);
      setTimeout(close, delayMs);
    } else {
      close();
    }
  };
  const close = () => {
    const timer = setTimeout(() => {
      options.log.error(new Error(`drain took longer than ${options.graceMs ?? 15_000} ms`), 'shutdown forced');
      exit(1);
    }, options.graceMs ?? 15_000);
    timer.unref();
    server.close().then(
      () => {
        clearTimeout(timer);
        options.log.info('drained, exiting');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        options.log.error(error, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
