// The comparison server of `npm run bench:api`: mercurius with graphql-jit (compiled after the
// first request) executing the api's own schema, resolvers and context (apps/api/dist and the
// libs' builds) on the same store, the SQLite store with the shipped content. Abstract types get
// synchronous `resolveType`s, which graphql-jit needs. Prints a ready line like main.js; stops on SIGTERM.
import 'reflect-metadata';
import { loadContent } from '@devops-stories/story-content';
import { buildModularSchema, modularContextFactory } from '@devops-stories/story-graph';
import { openSqliteStore } from '@devops-stories/story-store';
import Fastify from 'fastify';
import { isAbstractType } from 'graphql';
import mercurius from 'mercurius';
import { schemaModules } from '../../apps/api/dist/schema-modules.js';

const store = openSqliteStore({ url: 'sqlite::memory:' });
await store.importContent(loadContent());
const schema = await buildModularSchema(schemaModules);
for (const type of Object.values(schema.getTypeMap())) {
  if (isAbstractType(type) && !type.name.startsWith('__')) type.resolveType = (value) => value.__typename;
}
const contextFor = modularContextFactory(schemaModules, { store, cursorSecret: 'bench' });
const app = Fastify({ logger: false });
await app.register(mercurius, { schema, path: '/graphql', jit: 1, context: () => contextFor() });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
process.once('SIGINT', () => app.close().then(() => process.exit(0)));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`mercurius ready at ${address}/graphql`);
