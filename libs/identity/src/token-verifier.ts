import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { TOKEN_ROLES, type Caller, type TokenRole } from './caller.js';
import { InvalidTokenError } from './identity.errors.js';

/**
 * Turns a bearer token into a Caller. The one place tokens are checked, so an OIDC/JWKS verifier
 * can replace the HS256 one without touching resolvers.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Caller>;
}

export const TOKEN_ISSUER = 'aduan';
export const TOKEN_AUDIENCE = 'aduan-api';

export class Hs256TokenVerifier implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async verify(token: string): Promise<Caller> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired');
      throw new InvalidTokenError('The token is not valid');
    }
    return callerFromClaims(payload);
  }
}

export function callerFromClaims(payload: JWTPayload): Caller {
  const { sub, role, agency } = payload as JWTPayload & { role?: unknown; agency?: unknown };
  if (typeof sub !== 'string' || sub === '') throw new InvalidTokenError('The token has no subject');
  if (typeof role !== 'string' || !(TOKEN_ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`The token's role must be one of ${TOKEN_ROLES.join(', ')}`);
  }
  if (role === 'agency_officer' && (typeof agency !== 'string' || agency === '')) {
    throw new InvalidTokenError('An agency officer token must name its agency');
  }
  const agencyCode = typeof agency === 'string' && agency !== '' ? agency : null;
  return { id: sub, role: role as TokenRole, agencyCode };
}

export interface TokenRequest {
  readonly sub: string;
  readonly role: TokenRole;
  readonly agency?: string | null;
  /** Lifetime, e.g. '12h'; jose's duration syntax. */
  readonly expiresIn?: string;
}

/** Issues development tokens (the CLI's `token` command and tests). */
export async function issueHs256Token(secret: string, request: TokenRequest): Promise<string> {
  const claims: JWTPayload = { role: request.role, ...(request.agency ? { agency: request.agency } : {}) };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(secret));
}
