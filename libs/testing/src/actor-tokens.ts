import { createPrivateKey, sign } from 'node:crypto';
// By path, not '@vax/platform': jest's global setup loads this library without the path aliases,
// and these two modules are all it needs (not Nest).
import { ACTOR_HEADER, ActorTokenSigner, type CallerActor, PORTAL_ISSUER } from '../../platform/src/auth/actor-token';
import { type IssuerKeySet, generateIssuerKeys } from '../../platform/src/auth/actor-token.keys';

/**
 * Actor-token keys for one test run: the portal's and the complaints worker's key pairs, the trusted
 * keys every service is given, and tokens signed as the portal would sign them for a person.
 */
export class TestActorTokens {
  private readonly signers = new Map<string, ActorTokenSigner>();

  private constructor(readonly keys: IssuerKeySet) {}

  static async create(issuers: readonly string[] = [PORTAL_ISSUER, 'complaints-worker']): Promise<TestActorTokens> {
    const tokens = new TestActorTokens(await generateIssuerKeys(issuers));
    for (const [issuer, key] of Object.entries(tokens.keys.signing))
      tokens.signers.set(issuer, await ActorTokenSigner.from(key));
    return tokens;
  }

  /** `ACTOR_TOKEN_TRUSTED_KEYS` for every service of the run. */
  get trustedKeys(): string {
    return JSON.stringify(this.keys.trusted);
  }

  /** `ACTOR_TOKEN_PRIVATE_KEY` of one issuer's process. */
  signingKey(issuer: string): string {
    const key = this.keys.signing[issuer];
    return JSON.stringify({ issuer: key.issuer, jwk: key.privateJwk });
  }

  /** A token for `audience` (the service called), signed by the portal unless another issuer is named. */
  token(actor: CallerActor, audience: string, issuer = PORTAL_ISSUER, ttlSeconds = 60): Promise<string> {
    const signer = this.signers.get(issuer);
    if (!signer) throw new Error(`no test key for issuer ${issuer}`);
    return signer.sign(actor, audience, ttlSeconds);
  }

  async headers(actor: CallerActor, audience: string): Promise<Record<string, string>> {
    return { [ACTOR_HEADER]: await this.token(actor, audience) };
  }

  /**
   * Headers that mint a fresh portal token each time they are read (fetch reads them per request),
   * for tests that build their callers once and run longer than a token lives. Signed with node's
   * crypto, since jose signs only asynchronously; the services verify these with jose like any other.
   */
  liveHeaders(actor: CallerActor, audience: string, others: Record<string, string> = {}): Record<string, string> {
    const key = this.keys.signing[PORTAL_ISSUER];
    const privateKey = createPrivateKey({ key: key.privateJwk as never, format: 'jwk' });
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const mint = () => {
      const iat = Math.floor(Date.now() / 1000);
      const signed = `${part({ alg: 'EdDSA', kid: key.keyId, typ: 'vax-actor+jwt' })}.${part({
        actor,
        iss: PORTAL_ISSUER,
        aud: audience,
        iat,
        exp: iat + 60,
      })}`;
      return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
    };
    // A getter, not a value: spreading these headers would freeze one token, so pass the object itself.
    return Object.defineProperty({ ...others }, ACTOR_HEADER, { get: mint, enumerable: true });
  }
}
