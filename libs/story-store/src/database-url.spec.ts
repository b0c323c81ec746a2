import { describe, expect, it } from 'vitest';
import { DatabaseUrlError, parseDatabaseUrl } from './database-url.js';

describe('parseDatabaseUrl', () => {
  it('reads relative, absolute and in-memory SQLite URLs', () => {
    expect(parseDatabaseUrl('sqlite:./data/stories.db')).toEqual({ dialect: 'sqlite', filename: './data/stories.db' });
    expect(parseDatabaseUrl('sqlite:///var/lib/stories.db')).toEqual({
      dialect: 'sqlite',
      filename: '/var/lib/stories.db',
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', filename: ':memory:' });
  });

  it.each([
    ['sqlite:', 'DATABASE_URL "sqlite:" names no file: use sqlite:./data/stories.db or sqlite::memory:'],
    ['sqlite://', 'DATABASE_URL "sqlite://" names no file: use sqlite:./data/stories.db or sqlite::memory:'],
    [
      'postgres://localhost/stories',
      'DATABASE_URL must be sqlite:<path> or sqlite::memory: (PostgreSQL is not supported yet), got "postgres://localhost/stories"',
    ],
    [
      './data/stories.db',
      'DATABASE_URL must be sqlite:<path> or sqlite::memory: (PostgreSQL is not supported yet), got "./data/stories.db"',
    ],
  ])('refuses %j, saying what to use', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(new DatabaseUrlError(message));
  });
});
