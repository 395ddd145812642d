// Where things live on the server, and who may call it from a browser by default. Dependency-free, so the CLI
// can print its help without loading the server.
export const GRAPHQL_PATH = '/graphql';
export const SCHEMAS_PATH = '/sync/schemas';
/** The control center's Vite dev server: the allowlist outside production when none is given. */
export const DEFAULT_DEV_ORIGINS = ['http://localhost:5173'];

/** The allowlist when none is given: the Vite dev server in development, none in production (own origin only). */
export function defaultCorsOrigins(production: boolean): readonly string[] {
  return production ? [] : DEFAULT_DEV_ORIGINS;
}

/** A browser origin may call when it is on the allowlist or is the server's own. */
export function isAllowedOrigin(origin: string, ownOrigin: string | undefined, allowlist: readonly string[]): boolean {
  return allowlist.includes(origin) || origin === ownOrigin;
}
