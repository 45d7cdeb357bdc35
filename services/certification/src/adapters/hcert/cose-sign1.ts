import { Tag } from 'cbor-x';
import { COSE_SIGN1_TAG, cborDecoder, cborEncoder, untag } from './cbor';

/** COSE header labels and algorithm ids used by HCERT (RFC 9052/9053). */
export const COSE_HEADER = { alg: 1, kid: 4 } as const;
export const COSE_ALG = { ES256: -7, PS256: -37 } as const;

export interface CoseSign1 {
  /** The protected header exactly as signed (its bytes, not a re-encoding). */
  protectedBytes: Buffer;
  protectedHeader: Map<number, unknown>;
  unprotectedHeader: Map<number, unknown>;
  payload: Buffer;
  signature: Buffer;
}

export class CoseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoseError';
  }
}

/** The bytes a COSE_Sign1 signature covers: ["Signature1", protected, external_aad (empty), payload]. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Buffer {
  return cborEncoder.encode(['Signature1', protectedBytes, EMPTY, payload]);
}

export function protectedHeaderBytes(alg: number, kid: Uint8Array): Buffer {
  return cborEncoder.encode(
    new Map<number, unknown>([
      [COSE_HEADER.alg, alg],
      [COSE_HEADER.kid, kid],
    ]),
  );
}

/** Tag 18 around [protected, {} (unprotected), payload, signature]. */
export function encodeCoseSign1(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Buffer {
  return cborEncoder.encode(new Tag([protectedBytes, new Map(), payload, signature], COSE_SIGN1_TAG));
}

const EMPTY = new Uint8Array(0);

export function decodeCoseSign1(bytes: Uint8Array): CoseSign1 {
  let decoded: unknown;
  try {
    decoded = untag(cborDecoder.decode(bytes));
  } catch (error) {
    throw new CoseError(`not CBOR: ${(error as Error).message}`);
  }
  if (!Array.isArray(decoded) || decoded.length !== 4) throw new CoseError('not a COSE_Sign1 array of four');
  const [p, u, payload, signature] = decoded as unknown[];
  if (!isBytes(p) || !isBytes(payload) || !isBytes(signature)) throw new CoseError('COSE_Sign1 members are not bytes');
  const unprotectedHeader = u instanceof Map ? (u as Map<number, unknown>) : new Map<number, unknown>();
  if (!(u instanceof Map) && !isEmptyObject(u)) throw new CoseError('unprotected header is not a map');
  let protectedHeader = new Map<number, unknown>();
  if (p.length > 0) {
    const h = safeDecode(p);
    if (!(h instanceof Map)) throw new CoseError('protected header is not a map');
    protectedHeader = h as Map<number, unknown>;
  }
  return {
    protectedBytes: Buffer.from(p),
    protectedHeader,
    unprotectedHeader,
    payload: Buffer.from(payload),
    signature: Buffer.from(signature),
  };
}

/**
 * The key id a verifier must use: the protected one when present (CO21: a wrong unprotected kid is
 * ignored; CO22: a wrong protected kid is not rescued by a right unprotected one).
 */
export function keyIdOf(cose: CoseSign1): Buffer | undefined {
  const kid = cose.protectedHeader.get(COSE_HEADER.kid) ?? cose.unprotectedHeader.get(COSE_HEADER.kid);
  return isBytes(kid) ? Buffer.from(kid) : undefined;
}

export function algorithmOf(cose: CoseSign1): number | undefined {
  const alg = cose.protectedHeader.get(COSE_HEADER.alg) ?? cose.unprotectedHeader.get(COSE_HEADER.alg);
  return typeof alg === 'number' ? alg : undefined;
}

function safeDecode(bytes: Uint8Array): unknown {
  try {
    return cborDecoder.decode(bytes);
  } catch (error) {
    throw new CoseError(`protected header is not CBOR: ${(error as Error).message}`);
  }
}

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
const isEmptyObject = (v: unknown) => v !== null && typeof v === 'object' && Object.keys(v as object).length === 0;
