import { type KeyObject, sign } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { CwtClaims } from '../../domain/dcc/dcc-payload';
import { base45Encode } from './base45';
import { cborEncoder } from './cbor';
import { COSE_ALG, encodeCoseSign1, protectedHeaderBytes, sigStructure } from './cose-sign1';
import { CWT_CLAIM, HC1_PREFIX, HCERT_V1 } from './hcert.decoder';

/** The Document Signer's key, and its protected header (the same bytes for every certificate). */
export interface HcertSigner {
  kid: Buffer;
  privateKey: KeyObject;
  protectedHeader: Buffer;
}

export function hcertSignerOf(kid: Buffer, privateKey: KeyObject): HcertSigner {
  if (privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('the DSC key must be EC P-256');
  return { kid, privateKey, protectedHeader: protectedHeaderBytes(COSE_ALG.ES256, kid) };
}

export interface EncodedHcert {
  hc1: string;
  /** r‖s, 64 bytes: what the SIGNATURE revocation hash is computed from. */
  signature: Buffer;
}

/**
 * CWT claims → CBOR (cbor-x) → COSE_Sign1 (ES256, kid in the protected header) → zlib → Base45 →
 * `HC1:`. zlib with its defaults: the 32 KiB window makes the stream start with 0x78, which verifiers
 * in the field, PathCheck's SDK among them, take to mean "compressed" (ADR 8); on sub-KiB input no
 * level or strategy changes the size or the cost measurably (docs/performance.md).
 */
export function encodeHcert(claims: CwtClaims, signer: HcertSigner): EncodedHcert {
  const payload = cborEncoder.encode(cwtMapOf(claims));
  const signature = sign('sha256', sigStructure(signer.protectedHeader, payload), {
    key: signer.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  const cose = encodeCoseSign1(signer.protectedHeader, payload, signature);
  return { hc1: HC1_PREFIX + base45Encode(deflateSync(cose)), signature };
}

/**
 * The CWT: a map of integer claims around the payload, whose plain objects cbor-x writes as
 * text-keyed maps. The payload is built field by field from typed content, so it holds no
 * `undefined` (issuer check I-CO5; a test decodes what we sign to hold us to it).
 */
export function cwtMapOf(claims: CwtClaims): Map<number, unknown> {
  return new Map<number, unknown>([
    [CWT_CLAIM.iss, claims.iss],
    [CWT_CLAIM.iat, claims.iat],
    [CWT_CLAIM.exp, claims.exp],
    [CWT_CLAIM.hcert, new Map([[HCERT_V1, claims.hcert]])],
  ]);
}
