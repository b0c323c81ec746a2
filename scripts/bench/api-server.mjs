// The api as `npm run bench:api` runs it: the built server (apps/api/dist) with the environment's
// configuration; cost analysis off when BENCH_COST_ANALYSIS=off, logging off when BENCH_LOGGING=off
// (with METRICS=off, the "logging and metrics off" row), to measure what they cost. The launcher
// (@devops-stories/api-launcher) starts it and waits for /readyz; it stops on SIGTERM.
import 'reflect-metadata';
import { readConfig } from '../../apps/api/dist/config.js';
import { createApiServer } from '../../apps/api/dist/server.js';

const config = readConfig();
const server = await createApiServer(config, {
  costAnalysis: process.env.BENCH_COST_ANALYSIS !== 'off',
  logger: process.env.BENCH_LOGGING !== 'off',
});
process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
process.once('SIGINT', () => server.close().then(() => process.exit(0)));
await server.listen();
