import { fileURLToPath } from 'node:url';
import { DatabaseUrlError, parseDatabaseUrl } from '@devops-stories/story-store';

/** Server settings, read from the environment by {@link readConfig}. */
export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  production: boolean;
  cursorSecret: string;
  /** Folder of the web client's build; served at `/` when it exists. */
  webRoot: string;
  /** Origins whose pages may call the API (portals embedding the client); `*` for any. */
  corsOrigins: '*' | string[];
}

/** Thrown for a setting that cannot work; the message names the variable and a valid value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_CURSOR_SECRET = 'devops-stories-cursor-v1';

/**
 * Reads the configuration from environment variables, with defaults for local use.
 *
 * @throws {ConfigError} for an invalid `PORT`, `CORS_ORIGINS`, or a `DATABASE_URL` no store can open.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const portText = env.PORT ?? '4000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${portText}"`);
  }
  const databaseUrl = env.DATABASE_URL ?? 'sqlite:./data/stories.db';
  try {
    parseDatabaseUrl(databaseUrl);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(error.message);
    throw error;
  }
  const production = env.NODE_ENV === 'production';
  const cursorSecret = env.CURSOR_SECRET ?? DEFAULT_CURSOR_SECRET;
  if (production && cursorSecret === DEFAULT_CURSOR_SECRET) {
    console.warn('CURSOR_SECRET is not set: cursors are signed with the public default key');
  }
  const corsText = (env.CORS_ORIGINS ?? '*').trim();
  const corsOrigins =
    corsText === '*'
      ? '*'
      : corsText
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean);
  for (const origin of corsOrigins === '*' ? [] : corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS must be * or a comma-separated list of origins such as https://learn.example.org, got "${origin}"`,
      );
    }
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    production,
    cursorSecret,
    webRoot: env.WEB_ROOT ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    corsOrigins,
  };
}
