// Who is asking: a JWT whose `tenant` claim scopes every read, write and stream. Verification allows only
// the configured algorithms (HS256 by default, never `none`) and requires `exp`.
import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

export type HmacAlgorithm = 'HS256' | 'HS384' | 'HS512';

export interface AuthOptions {
  /** The shared secret tokens are signed with: at least 32 characters. */
  secret: string;
  /** Accepted algorithms. Default `['HS256']`. */
  algorithms?: HmacAlgorithm[];
  /** When set, tokens must carry this `iss`. */
  issuer?: string;
  /** When set, tokens must carry this `aud`. */
  audience?: string;
  /** Seconds of clock skew tolerated on `exp`/`nbf`. Default 5. */
  clockToleranceSeconds?: number;
  /**
   * The role of a token without a `role` claim. Default `owner`: every right, as every token had before roles
   * existed. Set a narrower one (say `viewer`) to make each token name its role.
   */
  defaultRole?: string;
  /**
   * Tokens kept verified, so a token sent with every request is checked once (the rate limit and the request
   * both read its tenant). Each is kept until it expires, the oldest dropped beyond this many. Default 1000.
   */
  verifiedTokenCache?: number;
}

/** The caller, as established from a verified token. */
export interface Principal {
  readonly tenant: string;
  readonly sub: string | undefined;
  /** What the collections' permissions call the caller: the token's `role`, or the server's default role. */
  readonly role: string;
  /** Expiry, in seconds since the epoch. */
  readonly exp: number;
  /** The last moment the server accepts the token (expiry plus the clock tolerance), in ms since the epoch. */
  readonly validUntil: number;
  /** Every claim of the token: a collection's sync scope may keep what matches one (a device's `site`, say). */
  readonly claims: Readonly<Record<string, unknown>>;
}

export const MIN_SECRET_LENGTH = 32;
// Tenants name storage rows and pub/sub topics: keep them short and plain.
const TENANT = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
/** A role is a name the permissions list: plain and short. */
const ROLE = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
export const DEFAULT_ROLE = 'owner';

/** Why a request was refused, phrased for the caller; `code` is stable for clients. */
export class AuthError extends Error {
  override name = 'AuthError';
  readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  /** the token was well signed and only its time ran out */
  readonly expired: boolean;

  constructor(message: string, code: 'UNAUTHENTICATED' | 'FORBIDDEN' = 'UNAUTHENTICATED', expired = false) {
    super(message);
    this.code = code;
    this.expired = expired;
  }
}

export function assertUsableSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `The JWT secret must be a string of at least ${MIN_SECRET_LENGTH} characters ` +
        '(set SYNCLINE_JWT_SECRET, for example to the output of `openssl rand -base64 48`).',
    );
  }
}

export function generateSecret(): string {
  return randomBytes(48).toString('base64url');
}

/** Reads `Bearer <token>` (the scheme is case-insensitive); a bare token is accepted too. */
export function tokenFromHeader(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const match = /^bearer\s+(.+)$/i.exec(trimmed);
  return (match ? match[1] : trimmed)?.trim();
}

/** Verifies a token; `ignoreExpiry` accepts one whose time ran out (to read whose it was, never to serve it). */
export type TokenVerifier = (token: string | undefined, options?: { ignoreExpiry?: boolean }) => Promise<Principal>;

export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  assertUsableSecret(options.secret);
  const key = new TextEncoder().encode(options.secret);
  const algorithms = options.algorithms ?? ['HS256'];
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  const defaultRole = options.defaultRole ?? DEFAULT_ROLE;
  if (!ROLE.test(defaultRole)) throw new Error(`The default role "${defaultRole}" is not a plain role name.`);
  const cacheSize = options.verifiedTokenCache ?? 1000;
  // by the token's exact text: a verified signature over it cannot become invalid, only expire
  const verified = new Map<string, Principal>();
  const remember = (token: string, principal: Principal) => {
    verified.set(token, principal);
    for (const oldest of verified.keys()) {
      if (verified.size <= cacheSize) break;
      verified.delete(oldest);
    }
    return principal;
  };
  return async (token, { ignoreExpiry = false } = {}) => {
    if (!token) {
      throw new AuthError('Missing token: send "Authorization: Bearer <token>" (a JWT with a tenant claim).');
    }
    const known = verified.get(token);
    if (known && Date.now() < known.validUntil) return known;
    if (known) verified.delete(token);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms,
        requiredClaims: ['exp'],
        // a century: expiry is not checked, everything else is
        clockTolerance: ignoreExpiry ? 3_155_760_000 : clockTolerance,
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
      }));
    } catch (error) {
      throw new AuthError(describeJoseError(error), 'UNAUTHENTICATED', error instanceof joseErrors.JWTExpired);
    }
    const tenant = payload.tenant;
    if (typeof tenant !== 'string' || !TENANT.test(tenant)) {
      throw new AuthError('Invalid token: the "tenant" claim is missing or not a plain tenant name.');
    }
    const role = payload.role ?? defaultRole;
    if (typeof role !== 'string' || !ROLE.test(role)) {
      throw new AuthError('Invalid token: the "role" claim is not a plain role name.');
    }
    const principal: Principal = {
      tenant,
      sub: typeof payload.sub === 'string' ? payload.sub : undefined,
      role,
      exp: payload.exp as number,
      validUntil: ((payload.exp as number) + clockTolerance) * 1000,
      claims: payload,
    };
    return ignoreExpiry || cacheSize === 0 ? principal : remember(token, principal);
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Token expired: ask for a new one.';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'Invalid token: its signing algorithm is not accepted.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Invalid token: the signature does not match.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return `Invalid token: the "${error.claim}" claim ${error.reason === 'missing' ? 'is missing' : 'is not accepted'}.`;
  }
  return 'Invalid token: not a well-formed signed JWT.';
}

export interface SignTokenOptions {
  secret: string;
  tenant: string;
  sub?: string;
  /** What the collections' permissions call the holder (`owner`, `viewer`…); absent: the server's default role */
  role?: string;
  /** A duration such as `1h`, `30m`, `7d`, or seconds. Default `1h`. */
  ttl?: string | number;
  /** Further claims, such as the `site` a collection's sync scope keeps (`tenant`, `role`, `sub`, `exp` are set above) */
  claims?: Readonly<Record<string, string | number | boolean>>;
  algorithm?: HmacAlgorithm;
  issuer?: string;
  audience?: string;
}

/** Parses `90`, `90s`, `15m`, `12h`, `7d` into seconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!match) throw new Error(`Cannot read the duration "${value}": use a number with s, m, h or d (for example 1h).`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/** Mints a token the server accepts. */
export async function signToken(options: SignTokenOptions): Promise<string> {
  assertUsableSecret(options.secret);
  if (!TENANT.test(options.tenant)) throw new Error(`"${options.tenant}" is not a plain tenant name.`);
  if (options.role !== undefined && !ROLE.test(options.role)) {
    throw new Error(`"${options.role}" is not a plain role name (a letter, then letters, digits, "-" or "_").`);
  }
  const seconds = parseDuration(options.ttl ?? '1h');
  if (!(seconds > 0)) throw new Error('The token lifetime must be positive.');
  let jwt = new SignJWT({
    ...options.claims,
    tenant: options.tenant,
    ...(options.role ? { role: options.role } : {}),
  })
    .setProtectedHeader({ alg: options.algorithm ?? 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds);
  if (options.sub) jwt = jwt.setSubject(options.sub);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
