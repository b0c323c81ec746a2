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

  it('reads PostgreSQL URLs, showing host and database but never the password', () => {
    const url = 'postgres://stories:s3cret@db.internal:5432/stories?sslmode=require';
    expect(parseDatabaseUrl(url)).toEqual({
      dialect: 'postgres',
      url,
      display: 'postgres://db.internal:5432/stories',
    });
    expect(parseDatabaseUrl('postgresql://localhost/stories')).toMatchObject({
      dialect: 'postgres',
      display: 'postgres://localhost/stories',
    });
  });

  const valid = 'sqlite:<path>, sqlite::memory: or postgres://user:password@host:5432/database';
  it.each([
    ['sqlite:', 'DATABASE_URL "sqlite:" names no file: use sqlite:./data/stories.db or sqlite::memory:'],
    ['sqlite://', 'DATABASE_URL "sqlite://" names no file: use sqlite:./data/stories.db or sqlite::memory:'],
    ['mysql://localhost/stories', `DATABASE_URL must be ${valid}, got "mysql://localhost/stories"`],
    ['./data/stories.db', `DATABASE_URL must be ${valid}, got "./data/stories.db"`],
    [
      'postgres://me:pw@localhost',
      'DATABASE_URL "postgres://me:***@localhost" must name a host and a database: postgres://user:password@host:5432/database',
    ],
    ['postgres://me:pw@[bad/x', `DATABASE_URL "postgres://me:***@[bad/x" is not a valid URL: use ${valid}`],
  ])('refuses %j, saying what to use', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(new DatabaseUrlError(message));
  });
});
