import { roleOfToken, tokenClaims } from '@syncline/data';

// Who is signed in, to which sync server and tenant. Kept in localStorage so the app opens offline
// straight into the operator's data; the token is refreshed from the server when it can be.

export interface Session {
  /** GraphQL endpoint of the sync server, e.g. https://sync.example.com/graphql; same origin by default */
  serverUrl: string;
  tenant: string;
  tenantName: string;
  user: string;
  token: string;
}

/** A development sign-in the demo server offers (`GET /dev/tokens`): one person per role of each tenant. */
export interface DevAccount {
  tenant: string;
  tenantName: string;
  user: string;
  role: string;
  token: string;
}

const key = 'syncline:session';

export const defaultServerUrl = () => new URL('/graphql', window.location.origin).toString();

export function loadSession(): Session | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return parsed.serverUrl && parsed.tenant && parsed.token && parsed.user
      ? {
          serverUrl: parsed.serverUrl,
          tenant: parsed.tenant,
          tenantName: parsed.tenantName ?? parsed.tenant,
          user: parsed.user,
          token: parsed.token,
        }
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(key, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(key);
}

/**
 * The demo server's development accounts: none when the server offers no development sign-in (404, as in
 * production). Throws a readable error when the server could not be asked.
 */
export async function fetchDevAccounts(serverUrl = defaultServerUrl()): Promise<DevAccount[]> {
  const url = new URL('/dev/tokens', serverUrl);
  const response = await fetch(url);
  if (response.status === 404) return [];
  if (!response.ok)
    throw new Error(`The sync server at ${url.origin} did not list its demo tenants (HTTP ${response.status}).`);
  return (await response.json()) as DevAccount[];
}

/** Reads the tenant, user and role out of a token without verifying it (the server verifies). */
export function describeToken(token: string): { tenant: string; user: string; role?: string } | undefined {
  const claims = tokenClaims(token);
  if (typeof claims?.tenant !== 'string') return undefined;
  return {
    tenant: claims.tenant,
    user: typeof claims.sub === 'string' ? claims.sub : 'operator',
    role: roleOfToken(token),
  };
}
