import { parseArgs } from 'node:util';
import { openSqliteStore, type StoryStore, type TokenRecord, type TokenRole } from '@devops-stories/story-store';

/**
 * `npm run token -- create --name alice --role editor | list | revoke --name alice (or --id 3)`:
 * manages the API tokens in the database `DATABASE_URL` names (the server's default,
 * `sqlite:./data/stories.db`, when unset). A new token is printed once; only its hash is stored.
 */

const ROLES: readonly TokenRole[] = ['editor', 'moderator', 'admin'];
const USAGE = `usage:
  npm run token -- create --name <name> --role editor|moderator|admin
  npm run token -- list
  npm run token -- revoke --name <name> | --id <id>`;

/** Runs one token command against `store`, writing what a person reads to `out`; returns the exit code. */
export async function runTokenCommand(store: StoryStore, args: string[], out: (line: string) => void): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' } },
  });
  const [command] = positionals;
  if (command === 'create') {
    const role = values.role as TokenRole | undefined;
    if (!values.name || !role || !ROLES.includes(role)) {
      out(`create needs --name and --role (${ROLES.join(', ')})\n${USAGE}`);
      return 2;
    }
    const result = await store.createToken(values.name, role, 'cli');
    if (!result.ok) {
      out(result.problem.message);
      return 1;
    }
    out(
      `Created token ${result.record.record.id} "${values.name}" (${role}). It is shown this once; only its hash is stored.`,
    );
    out(`Send it as: Authorization: Bearer ${result.record.token}`);
    return 0;
  }
  if (command === 'list') {
    const tokens = await store.listTokens();
    out(tokens.length ? tokens.map(describe).join('\n') : 'no tokens');
    return 0;
  }
  if (command === 'revoke') {
    const which = values.id !== undefined ? Number(values.id) : values.name;
    if (which === undefined || (typeof which === 'number' && !Number.isInteger(which))) {
      out(`revoke needs --name or --id\n${USAGE}`);
      return 2;
    }
    const result = await store.revokeToken(which, 'cli');
    if (!result.ok) {
      out(result.problem.message);
      return 1;
    }
    out(`Revoked token ${result.record.id} "${result.record.name}": it stops working at once.`);
    return 0;
  }
  out(USAGE);
  return 2;
}

function describe(t: TokenRecord): string {
  const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'live';
  const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : 'never used';
  return `${String(t.id).padStart(3)}  ${t.name.padEnd(16)} ${t.role.padEnd(9)} created ${t.createdAt.toISOString()}  ${used}  ${state}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const store = openSqliteStore({ url: process.env['DATABASE_URL'] ?? 'sqlite:./data/stories.db' });
  runTokenCommand(store, process.argv.slice(2), (line) => console.log(line))
    .then((code) => (process.exitCode = code))
    .finally(() => store.close());
}
