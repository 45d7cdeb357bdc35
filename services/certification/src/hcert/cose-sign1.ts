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

/** The bytes a COSE_Sign1 signature covers: ["Signature1", protected, external_aad, payload]. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Buffer {
  // CBOR written by hand (what cborEncoder.encode writes for this array): signing and verifying
  // each build one, and an Encoder round costs more than the few bytes of framing.
  const out = Buffer.allocUnsafe(
    SIGNATURE1.length + byteStringSize(protectedBytes.length) + 1 + byteStringSize(payload.length),
  );
  out.set(SIGNATURE1, 0);
  let at = writeByteString(out, SIGNATURE1.length, protectedBytes);
  out[at++] = 0x40; // external_aad: empty byte string
  writeByteString(out, at, payload);
  return out;
}

export function protectedHeaderBytes(alg: number, kid: Uint8Array): Buffer {
  return cborEncoder.encode(
    new Map<number, unknown>([
      [COSE_HEADER.alg, alg],
      [COSE_HEADER.kid, kid],
    ]),
  );
}

/** Tag 18 around [protected, {}, payload, signature]. */
export function encodeCoseSign1(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(
    2 + byteStringSize(protectedBytes.length) + 1 + byteStringSize(payload.length) + byteStringSize(signature.length),
  );
  out[0] = 0xc0 | COSE_SIGN1_TAG; // tag 18 (below 24: one byte)
  out[1] = 0x84; // array of four
  let at = writeByteString(out, 2, protectedBytes);
  out[at++] = 0xa0; // unprotected header: empty map
  at = writeByteString(out, at, payload);
  writeByteString(out, at, signature);
  return out;
}

/** 0x84 (array of four) and the text "Signature1". */
const SIGNATURE1 = Buffer.from([0x84, 0x6a, ...Buffer.from('Signature1', 'ascii')]);

const headSize = (length: number) => (length < 24 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 5);
const byteStringSize = (length: number) => headSize(length) + length;

/** A CBOR byte string (major type 2, minimal head) at `at`; returns the position after it. */
function writeByteString(out: Buffer, at: number, bytes: Uint8Array): number {
  const n = bytes.length;
  let p = at;
  if (n < 24) out[p++] = 0x40 | n;
  else if (n < 0x100) {
    out[p++] = 0x58;
    out[p++] = n;
  } else if (n < 0x10000) {
    out[p++] = 0x59;
    out[p++] = n >> 8;
    out[p++] = n & 0xff;
  } else {
    out[p++] = 0x5a;
    out.writeUInt32BE(n, p);
    p += 4;
  }
  out.set(bytes, p);
  return p + n;
}

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
