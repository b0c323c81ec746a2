import { constants, statSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { StoryStore } from '@devops-stories/story-store';
import { type ReadinessCheck, ReadinessFailure } from './readiness.js';

/** Options of {@link databaseCheck}. */
export interface DatabaseCheckOptions {
  /**
   * The database file, for a file-backed SQLite store (absent for `:memory:` and servers). An open
   * SQLite handle keeps reading a file that was removed or replaced, so the check also looks at the
   * path: the file must be there, readable and writable, and the one the server opened.
   */
  file?: string;
}

/**
 * The `notifications` readiness check of a store several replicas share: it must hear the changes
 * the others commit, or its caches could serve what they changed. Fails while its listener
 * reconnects; passes again once it is back (having announced every record as changed).
 */
export function notificationsCheck(store: Required<Pick<StoryStore, 'hearsOthers'>>): ReadinessCheck {
  return {
    name: 'notifications',
    async check() {
      if (!store.hearsOthers()) {
        throw new ReadinessFailure("not hearing the other replicas' changes; reconnecting to the database");
      }
    },
  };
}

/**
 * The `database` readiness check: a cheap read through the store's contract (`listDays()`), and
 * for a SQLite file, that the file the server opened is still at its path and usable. Removing it
 * (or taking its permissions away) fails the check; putting the same file back passes it again,
 * without a restart.
 */
export function databaseCheck(store: Pick<StoryStore, 'listDays'>, options: DatabaseCheckOptions = {}): ReadinessCheck {
  const { file } = options;
  const opened = file ? statSync(file) : undefined;
  return {
    name: 'database',
    async check() {
      if (file && opened) {
        const now = await stat(file).catch(() => undefined);
        if (!now) throw new ReadinessFailure('the database file is missing');
        if (now.ino !== opened.ino || now.dev !== opened.dev) {
          throw new ReadinessFailure('the database file was replaced after the server opened it; restart to use it');
        }
        await access(file, constants.R_OK | constants.W_OK).catch(() => {
          throw new ReadinessFailure('the database file is not readable and writable');
        });
      }
      await store.listDays();
    },
  };
}
