import { SignJWT, errors, importJWK, jwtVerify, type JWK, type KeyLike } from 'jose';
import { type ActorTokenKey, type TrustedIssuerKeys, parseSigningKey, readJsonSetting } from './actor-token.keys';

/** Who is calling, as the portal (or a service acting for itself) vouches for them. */
export interface CallerActor {
  id: string;
  role: string;
  /** e.g. "site:LC-TD-01", "commune:Bình Lư", "district:Tam Đường", "province:LC", "person:P000000001". */
  scope: string;
}

export const ACTOR_HEADER = 'x-actor-token';

/** The only issuer that may vouch for people; every other issuer is a service speaking for itself. */
export const PORTAL_ISSUER = 'portal';
/** The role a service's own identity carries (never one a person can hold). */
export const SERVICE_ROLE = 'system';
/** Longer-lived tokens are refused: one stolen from a log or a proxy is worth a minute at most. */
export const MAX_TOKEN_LIFETIME_SECONDS = 60;
const ALGORITHM = 'EdDSA';
const CLOCK_TOLERANCE_SECONDS = 5;
const VERIFIED_KEPT = 10_000;

export type ActorTokenProblem = 'malformed' | 'bad-signature' | 'expired' | 'untrusted-issuer' | 'wrong-audience';

/**
 * Signs actor tokens (JWT, EdDSA over Ed25519) as one issuer: the portal for the people it signed
 * in, or a service (the complaints worker) for itself. Only that process holds the private key.
 */
export class ActorTokenSigner {
  private constructor(
    readonly issuer: string,
    private readonly key: KeyLike | Uint8Array,
    private readonly keyId: string,
  ) {}

  static async from(key: ActorTokenKey): Promise<ActorTokenSigner> {
    return new ActorTokenSigner(key.issuer, await importJWK(key.privateJwk as JWK, ALGORITHM), key.keyId);
  }

  /** A token for one audience (the service called), valid `ttlSeconds` (at most 60). */
  async sign(
    actor: CallerActor,
    audience: string,
    ttlSeconds = MAX_TOKEN_LIFETIME_SECONDS,
    now = Date.now(),
  ): Promise<string> {
    if (ttlSeconds > MAX_TOKEN_LIFETIME_SECONDS) throw new RangeError('actor tokens live at most 60 s');
    const iat = Math.floor(now / 1000);
    return new SignJWT({ actor: { id: actor.id, role: actor.role, scope: actor.scope } })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.keyId, typ: 'vax-actor+jwt' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.key);
  }
}

/**
 * Verifies actor tokens for one service (the audience): signed by a trusted issuer's public key,
 * addressed to this service, at most 60 s long, and vouching only for what that issuer may vouch
 * for (the portal for people, a service only for itself).
 */
export class ActorTokenVerifier {
  /**
   * Tokens whose signature and claims were already checked, with their expiry: the portal sends one
   * person the same token for half a minute (each one names the person, the audience and the expiry,
   * nothing of the call), so a service checks each signature once, not on every call (~0.3 ms of
   * CPU each). Only accepted tokens, the most recent `VERIFIED_KEPT`; expiry is checked on every use.
   */
  private readonly verified = new Map<string, { actor: CallerActor; exp: number }>();

  private constructor(
    private readonly audience: string,
    private readonly keys: ReadonlyMap<string, KeyLike | Uint8Array>,
  ) {}

  static async from(audience: string, trusted: TrustedIssuerKeys): Promise<ActorTokenVerifier> {
    const keys = new Map<string, KeyLike | Uint8Array>();
    for (const [issuer, jwk] of Object.entries(trusted)) keys.set(issuer, await importJWK(jwk as JWK, ALGORITHM));
    return new ActorTokenVerifier(audience, keys);
  }

  async verify(token: string, now = Date.now()): Promise<CallerActor | ActorTokenProblem> {
    const seen = this.verified.get(token);
    // As jose decides: expired once `exp` is at or before now (whole seconds) less the tolerance.
    if (seen && seen.exp > Math.floor(now / 1000) - CLOCK_TOLERANCE_SECONDS) return { ...seen.actor };
    if (seen) return 'expired';
    const verdict = await this.check(token, now);
    if (typeof verdict !== 'string') this.keep(token, verdict);
    return verdict;
  }

  private keep(token: string, actor: CallerActor): void {
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
    this.verified.set(token, { actor: { ...actor }, exp });
    if (this.verified.size > VERIFIED_KEPT) this.verified.delete(this.verified.keys().next().value!);
  }

  private async check(token: string, now: number): Promise<CallerActor | ActorTokenProblem> {
    const issuer = unverifiedIssuer(token);
    if (issuer === undefined) return 'malformed';
    const key = this.keys.get(issuer);
    if (!key) return 'untrusted-issuer';
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [ALGORITHM],
        issuer,
        audience: this.audience,
        requiredClaims: ['iat', 'exp', 'aud'],
        currentDate: new Date(now),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if ((payload.exp as number) - (payload.iat as number) > MAX_TOKEN_LIFETIME_SECONDS) return 'expired';
      return vouchedActor(issuer, payload.actor);
    } catch (error) {
      return problemOf(error);
    }
  }
}

/** The issuer decides which key checks the signature; the signature then proves the issuer. */
function unverifiedIssuer(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const { iss } = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

function vouchedActor(issuer: string, actor: unknown): CallerActor | ActorTokenProblem {
  const a = actor as Partial<CallerActor> | undefined;
  if (!a || typeof a.id !== 'string' || typeof a.role !== 'string' || typeof a.scope !== 'string') return 'malformed';
  // Only the portal vouches for people; any issuer (the portal too) speaks as a service only for itself.
  const mayVouch = a.role === SERVICE_ROLE ? a.id === issuer : issuer === PORTAL_ISSUER;
  if (!mayVouch) return 'untrusted-issuer';
  return { id: a.id, role: a.role, scope: a.scope };
}

function problemOf(error: unknown): ActorTokenProblem {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return 'wrong-audience';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iat') return 'expired';
  return 'malformed';
}

/** The signer a process's settings name (`ACTOR_TOKEN_PRIVATE_KEY` inline, or `…_FILE`). */
export function signerFromSettings(inline: string | undefined, file: string | undefined): Promise<ActorTokenSigner> {
  return ActorTokenSigner.from(parseSigningKey(readJsonSetting(inline, file)));
}
