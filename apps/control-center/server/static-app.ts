// Serves the built control center from the sync server's own origin, so the app reaches /graphql with
// no CORS and works from one URL. Hashed assets are cached for good; index.html and the service worker never.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths the sync server answers itself. */
const serverPaths = [/^\/graphql/, /^\/sync\//, /^\/healthz$/, /^\/readyz$/];

export function isAppPath(pathname: string): boolean {
  return !serverPaths.some((pattern) => pattern.test(pathname));
}

/** Answers a GET for the app: the file when it exists, else index.html (client-side routes). */
export async function serveApp(appDir: string, pathname: string): Promise<Response> {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const file = join(appDir, relative);
  if (!file.startsWith(appDir + sep) && file !== appDir) return new Response('Not found', { status: 404 });
  const found = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  const path = found ? file : join(appDir, 'index.html');
  const body = await readFile(path).catch(() => undefined);
  if (!body) {
    return new Response('The control center is not built yet: run `pnpm start` (it builds the app first).', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const immutable = found && relative.startsWith('assets/');
  return new Response(body, {
    headers: {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}
