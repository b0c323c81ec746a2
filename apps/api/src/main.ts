import { ConfigError, readConfig } from './config.js';
import { createApiServer } from './server.js';
import { drainOnSignals } from './shutdown/drain.js';

async function main(): Promise<void> {
  const config = readConfig();
  const server = await createApiServer(config, { logger: true });
  drainOnSignals(server, {
    log: {
      info: (message) => server.app.log.info(message),
      error: (error, message) => server.app.log.error(error, message),
    },
  });
  const address = await server.app.listen({ port: config.port, host: config.host });
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  server.app.log.info(`devops-stories listening: GraphQL at ${url.origin}/graphql, web client at ${url.origin}/`);
  console.log(`devops-stories ready at ${url.origin}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
