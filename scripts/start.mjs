// `npm start`: builds the API, the web client, the explorer and the portal, then runs the API (port 4000) and the
// portal (port 4100). `npm start -- --no-build` runs what is already built.
//
// SIGINT/SIGTERM are passed on to both servers, which drain and exit 0; this script then exits 0 only when every
// server did, and otherwise says which did not and exits non-zero. When one server stops on its own, the other is
// stopped and the exit status is that of the first (a server that stopped cleanly but unasked still counts as 1).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { nx } from './nx.mjs';

const projects = ['@devops-stories/api'];
if (existsSync('apps/web/package.json')) projects.push('@devops-stories/web');
const withPortal = existsSync('apps/portal/package.json');
if (withPortal) projects.push('@devops-stories/portal');
if (existsSync('apps/explorer/package.json')) projects.push('@devops-stories/explorer');
if (!process.argv.includes('--no-build')) {
  nx('run-many', '-t', 'build', '--projects', projects.join(','), '--outputStyle=static');
}

const servers = [{ name: 'api', child: spawn(process.execPath, ['apps/api/dist/main.js'], { stdio: 'inherit' }) }];
if (withPortal) {
  // The portal reads the API started here unless API_URL says otherwise.
  const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '4000'}/graphql`;
  const env = { ...process.env, API_URL: apiUrl };
  servers.push({
    name: 'portal',
    child: spawn(process.execPath, ['apps/portal/dist/main.js'], { stdio: 'inherit', env }),
  });
}

/** The signal that asked us to stop, if one did. */
let stopSignal;
const stopAll = (signal) => {
  for (const { child } of servers) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  // A terminal's Ctrl-C reaches the servers too (same process group); they ignore the repeat.
  process.on(signal, () => {
    if (stopSignal) return;
    stopSignal = signal;
    stopAll(signal);
  });
}

/** How each server ended, in the order they did. */
const ended = [];
const describe = ({ name, code, signal }) =>
  signal ? `the ${name} was killed by ${signal}` : `the ${name} exited with ${code}`;
for (const server of servers) {
  server.child.on('exit', (code, signal) => {
    const first = ended.length === 0;
    ended.push({ name: server.name, code, signal });
    if (first && !stopSignal) {
      console.error(`npm start: ${describe(ended[0])} on its own; stopping the others`);
      stopAll('SIGTERM');
    }
    if (ended.length === servers.length) process.exit(exitStatus());
  });
}

function exitStatus() {
  const status = ({ code, signal }) => code ?? 128 + (constants.signals[signal] ?? 0);
  if (!stopSignal) return status(ended[0]) || 1;
  const failed = ended.filter((server) => status(server) !== 0);
  if (failed.length) console.error(`npm start: on ${stopSignal}, ${failed.map(describe).join(' and ')}`);
  return failed.length ? status(failed[0]) : 0;
}
