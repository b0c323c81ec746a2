import { spawnSync } from 'node:child_process';

/** Runs the workspace's Nx offline (no daemon, no cloud) and exits the process if it fails. */
export function nx(...args) {
  const result = spawnSync('npx', ['nx', ...args], {
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) {
    console.error(`\n✖ nx ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}
