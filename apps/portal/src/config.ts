/** The portal's settings, read from the environment by {@link readPortalConfig}. */
export interface PortalConfig {
  port: number;
  host: string;
  /** The API's GraphQL endpoint as the portal's server reaches it. */
  apiUrl: string;
  /** The same endpoint as readers' browsers reach it: the element's `endpoint` and the origin of its script. */
  publicApiUrl: string;
  /** How long a page waits for the API, in milliseconds. */
  apiTimeoutMs: number;
}

/** Thrown for a setting that cannot work; the message names the variable and a valid value. */
export class PortalConfigError extends Error {
  override name = 'PortalConfigError';
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PortalConfigError(`${name} must be an http(s) URL such as http://127.0.0.1:4000/graphql, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PortalConfigError(`${name} must be an http(s) URL such as http://127.0.0.1:4000/graphql, got "${value}"`);
  return url.href;
}

/**
 * Reads the configuration from environment variables, with defaults that match the API's
 * own (`npm start` runs both on this machine).
 *
 * @throws {PortalConfigError} for an invalid `PORTAL_PORT`, `API_URL` or `PUBLIC_API_URL`.
 */
export function readPortalConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const portText = env.PORTAL_PORT ?? '4100';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new PortalConfigError(`PORTAL_PORT must be a whole number from 0 to 65535, got "${portText}"`);
  const apiUrl = httpUrl('API_URL', env.API_URL ?? 'http://127.0.0.1:4000/graphql');
  return {
    port,
    host: env.PORTAL_HOST ?? '0.0.0.0',
    apiUrl,
    publicApiUrl: env.PUBLIC_API_URL ? httpUrl('PUBLIC_API_URL', env.PUBLIC_API_URL) : apiUrl,
    apiTimeoutMs: 5_000,
  };
}
