// `npm start`: builds the API, the web client, the explorer and the portal, then runs the API (port 4000) and the portal (port 4100).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { nx } from './nx.mjs';

const projects = ['@devops-stories/api'];
if (existsSync('apps/web/package.json')) projects.push('@devops-stories/web');
const withPortal = existsSync('apps/portal/package.json');
if (withPortal) projects.push('@devops-stories/portal');
if (existsSync('apps/explorer/package.json')) projects.push('@devops-stories/explorer');
nx('run-many', '-t', 'build', '--projects', projects.join(','), '--outputStyle=static');

const servers = [spawn(process.execPath, ['apps/api/dist/main.js'], { stdio: 'inherit' })];
if (withPortal) {
  // The portal reads the API started here unless API_URL says otherwise.
  const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '4000'}/graphql`;
  servers.push(
    spawn(process.execPath, ['apps/portal/dist/main.js'], {
      stdio: 'inherit',
      env: { ...process.env, API_URL: apiUrl },
    }),
  );
}
let stopping = false;
let exitCode = 0;
const stopAll = (signal) => {
  stopping = true;
  for (const server of servers) if (server.exitCode === null) server.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
// When one server stops on its own, stop the other and exit with its code.
let running = servers.length;
for (const server of servers) {
  server.on('exit', (code) => {
    if (!stopping) {
      exitCode = code ?? 1;
      stopAll('SIGTERM');
    }
    if (--running === 0) process.exit(exitCode);
  });
}
