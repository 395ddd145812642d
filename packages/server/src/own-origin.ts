// The server's own origin as the browser sees it, for the same-origin checks of CORS and the stream's upgrade: the
// scheme from the connection (a TLS socket is https) and the Host header, or, only behind a trusted proxy, what
// the proxy forwarded (RFC 7239 `Forwarded`, else `X-Forwarded-Proto` / `X-Forwarded-Host`). Anyone can send
// those headers, so without `trustProxy` they are ignored.

/** What a request says about where it arrived. */
export interface ArrivedRequest {
  /** the connection is TLS */
  encrypted: boolean;
  /** a header's value, as the request carried it */
  header(name: string): string | null | undefined;
}

/** The first element of a comma-separated header: the one the proxy nearest the client set. */
function firstOf(value: string | null | undefined): string | undefined {
  const first = value?.split(',')[0]?.trim();
  return first || undefined;
}

/** `proto` and `host` of the first element of an RFC 7239 `Forwarded` header. */
function forwarded(value: string | null | undefined): { proto?: string; host?: string } {
  const element = firstOf(value);
  if (!element) return {};
  const pairs: Record<string, string> = {};
  for (const pair of element.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    pairs[pair.slice(0, at).trim().toLowerCase()] = pair
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { ...(pairs.proto ? { proto: pairs.proto } : {}), ...(pairs.host ? { host: pairs.host } : {}) };
}

const SCHEME = /^https?$/i;

/** `https://host[:port]` or `http://…`; undefined when the request names no host. */
export function ownOrigin(request: ArrivedRequest, trustProxy: boolean): string | undefined {
  let proto = request.encrypted ? 'https' : 'http';
  let host = firstOf(request.header('host'));
  if (trustProxy) {
    const standard = forwarded(request.header('forwarded'));
    const sentProto = standard.proto ?? firstOf(request.header('x-forwarded-proto'));
    if (sentProto && SCHEME.test(sentProto)) proto = sentProto.toLowerCase();
    host = standard.host ?? firstOf(request.header('x-forwarded-host')) ?? host;
  }
  if (!host) return undefined;
  try {
    // normalised as a browser writes its Origin: lower-case host, no default port
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return undefined;
  }
}
