import { generateKeyPair, exportJWK, type JWK } from 'jose';
import { readFileSync } from 'node:fs';

/**
 * One issuer's private signing key, as configured (`ACTOR_TOKEN_PRIVATE_KEY` or `…_FILE`):
 * `{ "issuer": "portal", "jwk": { "kty": "OKP", "crv": "Ed25519", "x": …, "d": …, "kid": … } }`.
 */
export interface ActorTokenKey {
  issuer: string;
  keyId: string;
  privateJwk: JWK;
}

/**
 * The public keys a service trusts, by issuer (`ACTOR_TOKEN_TRUSTED_KEYS` or `…_FILE`):
 * `{ "portal": { "kty": "OKP", "crv": "Ed25519", "x": …, "kid": … }, "complaints-worker": … }`.
 */
export type TrustedIssuerKeys = Record<string, JWK>;

/** Keys made on a developer's machine carry this key-id prefix, which a production profile refuses. */
export const DEVELOPMENT_KEY_PREFIX = 'dev-';

export function isDevelopmentKey(jwk: JWK): boolean {
  return typeof jwk.kid === 'string' && jwk.kid.startsWith(DEVELOPMENT_KEY_PREFIX);
}

/** Reads a setting given inline (JSON) or as a file path; undefined when neither is set. */
export function readJsonSetting(inline: string | undefined, file: string | undefined): unknown {
  let text: string | undefined = inline;
  if (text === undefined && file !== undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error('cannot be read');
    }
  }
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse quotes the text it failed on, and this text is a key.
    throw new Error('is not valid JSON');
  }
}

export function parseSigningKey(value: unknown): ActorTokenKey {
  const v = value as { issuer?: unknown; jwk?: JWK } | undefined;
  if (!v || typeof v.issuer !== 'string' || !v.jwk || typeof v.jwk.d !== 'string' || v.jwk.crv !== 'Ed25519')
    throw new Error('must be {"issuer": "<name>", "jwk": <Ed25519 private JWK>}');
  return { issuer: v.issuer, keyId: String(v.jwk.kid ?? v.issuer), privateJwk: v.jwk };
}

export function parseTrustedKeys(value: unknown): TrustedIssuerKeys {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('must be {"<issuer>": <Ed25519 public JWK>, …}');
  const entries = Object.entries(value as Record<string, JWK>);
  for (const [issuer, jwk] of entries) {
    if (jwk?.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error(`${issuer}: not an Ed25519 public JWK`);
    if (jwk.d !== undefined) throw new Error(`${issuer}: holds a private key; give only the public part`);
  }
  return Object.fromEntries(entries.map(([issuer, { kty, crv, x, kid }]) => [issuer, { kty, crv, x, kid }]));
}

export interface IssuerKeySet {
  signing: Record<string, ActorTokenKey>;
  trusted: TrustedIssuerKeys;
}

/** Fresh key pairs for a development install or a test run (key ids marked as development ones). */
export async function generateIssuerKeys(issuers: readonly string[], development = true): Promise<IssuerKeySet> {
  const signing: Record<string, ActorTokenKey> = {};
  const trusted: TrustedIssuerKeys = {};
  for (const issuer of issuers) {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = `${development ? DEVELOPMENT_KEY_PREFIX : ''}${issuer}-${Date.now().toString(36)}`;
    signing[issuer] = { issuer, keyId: kid, privateJwk: { ...(await exportJWK(privateKey)), kid } };
    trusted[issuer] = { ...(await exportJWK(publicKey)), kid };
  }
  return { signing, trusted };
}
