// Where things live on the server, and who may call it from a browser by default. Dependency-free, so the CLI
// can print its help without loading the server.
export const GRAPHQL_PATH = '/graphql';
export const SCHEMAS_PATH = '/sync/schemas';
/** The control center's Vite dev server. */
export const DEFAULT_DEV_ORIGINS = ['http://localhost:5173'];

/** A browser origin may call when it is on the allowlist or is the server's own. */
export function isAllowedOrigin(origin: string, ownOrigin: string, allowlist: readonly string[]): boolean {
  return allowlist.includes(origin) || origin === ownOrigin;
}
