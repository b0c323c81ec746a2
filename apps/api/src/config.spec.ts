import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('readConfig', () => {
  it('accepts the SQLite URLs the store opens', () => {
    expect(readConfig({}).databaseUrl).toBe('sqlite:./data/stories.db');
    expect(readConfig({ DATABASE_URL: 'sqlite::memory:' }).databaseUrl).toBe('sqlite::memory:');
    expect(readConfig({ DATABASE_URL: 'sqlite:///var/lib/stories.db' }).databaseUrl).toBe(
      'sqlite:///var/lib/stories.db',
    );
  });

  it.each([
    [
      'postgres://localhost/stories',
      /^DATABASE_URL must be sqlite:<path> or sqlite::memory: .*"postgres:\/\/localhost\/stories"$/,
    ],
    ['sqlite:', /^DATABASE_URL "sqlite:" names no file: use sqlite:\.\/data\/stories\.db or sqlite::memory:$/],
  ])('refuses DATABASE_URL=%s with the store parser’s message, as a configuration error', (url, message) => {
    expect(() => readConfig({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_URL: url })).toThrow(message);
  });
});
