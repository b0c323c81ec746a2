// `npm start`: builds the API, the web client and the explorer, then runs the server in the foreground.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { nx } from './nx.mjs';

const projects = ['@devops-stories/api'];
if (existsSync('apps/web/package.json')) projects.push('@devops-stories/web');
if (existsSync('apps/explorer/package.json')) projects.push('@devops-stories/explorer');
nx('run-many', '-t', 'build', '--projects', projects.join(','), '--outputStyle=static');

const server = spawn(process.execPath, ['apps/api/dist/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
