import { inflateSync } from 'node:zlib';
import { base45Decode } from './base45';
import { cborDecoder, toJson } from './cbor';
import { type CoseSign1, decodeCoseSign1 } from './cose-sign1';

export const HC1_PREFIX = 'HC1:';
export const CWT_CLAIM = { iss: 1, exp: 4, iat: 6, hcert: -260 } as const;
export const HCERT_V1 = 1;

/** The decoding stages, in order; each needs the previous one. */
export type DecodingStage = 'prefix' | 'base45' | 'zlib' | 'cose' | 'cwt';

export interface DecodedHcert {
  cose: CoseSign1;
  issuer: string | undefined;
  /** Seconds since the epoch, as in the CWT (some issuers wrote floats). */
  issuedAt: number | undefined;
  expiresAt: number | undefined;
  /** The DCC payload as plain JSON. */
  dcc: Record<string, unknown>;
}

export type DecodingOutcome =
  { ok: true; decoded: DecodedHcert } | { ok: false; stage: DecodingStage; reason: string; passed: DecodingStage[] };

/** Undoes each layer of an `HC1:` string, stopping at the first that does not hold. */
export function decodeHcert(text: string): DecodingOutcome {
  const passed: DecodingStage[] = [];
  const fail = (stage: DecodingStage, reason: string): DecodingOutcome => ({ ok: false, stage, reason, passed });
  const trimmed = text.trim();
  if (!trimmed.startsWith(HC1_PREFIX)) return fail('prefix', `does not start with ${HC1_PREFIX}`);
  passed.push('prefix');
  let compressed: Buffer;
  try {
    compressed = base45Decode(trimmed.slice(HC1_PREFIX.length));
  } catch (error) {
    return fail('base45', (error as Error).message);
  }
  passed.push('base45');
  let coseBytes: Buffer;
  try {
    coseBytes = inflateSync(compressed);
  } catch (error) {
    return fail('zlib', `not a zlib stream: ${(error as Error).message}`);
  }
  passed.push('zlib');
  let cose: CoseSign1;
  try {
    cose = decodeCoseSign1(coseBytes);
  } catch (error) {
    return fail('cose', (error as Error).message);
  }
  passed.push('cose');
  const claims = readClaims(cose.payload);
  if (typeof claims === 'string') return fail('cwt', claims);
  return { ok: true, decoded: { cose, ...claims } };
}

function readClaims(payload: Buffer): Omit<DecodedHcert, 'cose'> | string {
  let claims: unknown;
  try {
    claims = cborDecoder.decode(payload);
  } catch (error) {
    return `CWT payload is not CBOR: ${(error as Error).message}`;
  }
  if (!(claims instanceof Map)) return 'CWT payload is not a map of claims';
  const hcert = claims.get(CWT_CLAIM.hcert);
  const dcc = hcert instanceof Map ? hcert.get(HCERT_V1) : undefined;
  if (!(dcc instanceof Map)) return 'CWT has no hcert claim (-260) with a v1 (1) map';
  const issuer = claims.get(CWT_CLAIM.iss);
  const iat = claims.get(CWT_CLAIM.iat);
  const exp = claims.get(CWT_CLAIM.exp);
  if (issuer !== undefined && typeof issuer !== 'string') return 'CWT iss is not text';
  if ((iat !== undefined && typeof iat !== 'number') || (exp !== undefined && typeof exp !== 'number'))
    return 'CWT iat/exp are not numbers';
  return { issuer, issuedAt: iat, expiresAt: exp, dcc: toJson(dcc) as Record<string, unknown> };
}
