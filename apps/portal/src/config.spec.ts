import { describe, expect, it } from 'vitest';
import { PortalConfigError, readPortalConfig } from './config.js';

describe('portal configuration', () => {
  it('defaults to port 4100 and the api on this machine', () => {
    expect(readPortalConfig({})).toEqual({
      port: 4100,
      host: '0.0.0.0',
      apiUrl: 'http://127.0.0.1:4000/graphql',
      publicApiUrl: 'http://127.0.0.1:4000/graphql',
      apiTimeoutMs: 5000,
    });
  });

  it('gives browsers PUBLIC_API_URL when the server reaches the api at another address', () => {
    const config = readPortalConfig({
      PORTAL_PORT: '0',
      API_URL: 'http://api.internal:4000/graphql',
      PUBLIC_API_URL: 'https://stories.example.org/graphql',
    });
    expect(config).toMatchObject({
      port: 0,
      apiUrl: 'http://api.internal:4000/graphql',
      publicApiUrl: 'https://stories.example.org/graphql',
    });
  });

  it.each([
    [{ PORTAL_PORT: '80a' }, 'PORTAL_PORT must be a whole number from 0 to 65535, got "80a"'],
    [{ PORTAL_PORT: '70000' }, 'PORTAL_PORT must be a whole number'],
    [{ API_URL: 'localhost:4000' }, 'API_URL must be an http(s) URL'],
    [{ PUBLIC_API_URL: 'javascript:alert(1)' }, 'PUBLIC_API_URL must be an http(s) URL'],
  ])('refuses %o', (env, message) => {
    expect(() => readPortalConfig(env)).toThrow(PortalConfigError);
    expect(() => readPortalConfig(env)).toThrow(message);
  });
});
