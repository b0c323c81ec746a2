import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseUrlError } from '@devops-stories/story-store';
import { ConfigError, readConfig } from './config.js';
import { createApiServer } from './server.js';
import { drainOnSignals } from './shutdown/drain.js';

async function main(): Promise<void> {
  const config = readConfig();
  const server = await createApiServer(config, { logger: true });
  const log = server.app.log;
  drainOnSignals(server, {
    delayMs: config.drainDelayMs,
    onDrainStart: () => server.readiness.drain(),
    log: {
      info: (message) => log.info(message),
      error: (error, message) => log.error(error, message),
    },
  });
  const { url: address, metricsUrl } = await server.listen();
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  log.info(
    `devops-stories listening: GraphQL at ${url.origin}/graphql` +
      (config.explorer ? ' (the explorer in a browser)' : '') +
      (existsSync(join(config.webRoot, 'index.html'))
        ? `, web client at ${url.origin}/`
        : `, no web client (WEB_ROOT ${config.webRoot} has no build: npx nx build @devops-stories/web)`) +
      `, readiness at ${url.origin}/readyz` +
      (config.metrics.enabled ? `, metrics at ${metricsUrl ?? `${url.origin}/metrics`}` : ''),
  );
}

main().catch((error: unknown) => {
  // One line for a setting that cannot work (a DATABASE_URL path only shows it is unusable when opened);
  // the whole error (with its stack) for anything else.
  process.stderr.write(
    error instanceof ConfigError || error instanceof DatabaseUrlError
      ? `Configuration error: ${error.message}\n`
      : `${(error as Error)?.stack ?? error}\n`,
  );
  process.exit(1);
});
