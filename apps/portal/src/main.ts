import type { AddressInfo } from 'node:net';
import { PortalConfigError, readPortalConfig } from './config.js';
import { createPortalServer } from './server.js';

async function main(): Promise<void> {
  const config = readPortalConfig();
  const server = createPortalServer(config);
  let stopping = false;
  const stop = (signal: string) => {
    // A terminal's Ctrl-C under `npm start` arrives twice (from the terminal and passed on): once is enough.
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      console.error('shutdown forced: requests still open after 5 s');
      server.closeAllConnections();
      process.exit(1);
    }, 5_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`devops-stories portal ready at http://${host}:${port}/ (API: ${config.apiUrl})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof PortalConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
