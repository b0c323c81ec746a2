// The api as `npm run bench:api` runs it: the built server (apps/api/dist) with the environment's
// configuration, and cost analysis off when BENCH_COST_ANALYSIS=off, to measure what it costs.
// Prints the same ready line as main.js; stops on SIGTERM.
import 'reflect-metadata';
import { readConfig } from '../../apps/api/dist/config.js';
import { createApiServer } from '../../apps/api/dist/server.js';

const config = readConfig();
const server = await createApiServer(config, { costAnalysis: process.env.BENCH_COST_ANALYSIS !== 'off' });
process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
process.once('SIGINT', () => server.close().then(() => process.exit(0)));
const address = await server.app.listen({ port: config.port, host: config.host });
console.log(`devops-stories ready at ${address}/graphql`);
