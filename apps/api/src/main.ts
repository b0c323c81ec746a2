import { ConfigError, readConfig } from './config.js';
import { createApiServer } from './server.js';

async function main(): Promise<void> {
  const config = readConfig();
  const server = await createApiServer(config, { logger: true });
  const stop = async (signal: string) => {
    server.app.log.info(`${signal} received, shutting down`);
    try {
      await server.close();
      process.exit(0);
    } catch (error) {
      server.app.log.error(error, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
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
