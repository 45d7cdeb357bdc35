import { type KeyObject, sign } from 'node:crypto';
import type { CwtClaims } from '../domain/dcc/dcc-payload';
import { base45Encode } from './base45';
import { CborWriter, cborEncoder, fromJson } from './cbor';
import { COSE_ALG, encodeCoseSign1, protectedHeaderBytes, sigStructure } from './cose-sign1';
import { CWT_CLAIM, HC1_PREFIX, HCERT_V1 } from './hcert.decoder';
import { zlibDeflate } from './small-deflate';

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
 * CWT claims → CBOR → COSE_Sign1 (ES256, kid in the protected header) → zlib → Base45 → `HC1:`.
 * The zlib stream starts with 0x78 (a 32 KiB window declared): verifiers in the field, PathCheck's
 * SDK among them, take that byte to mean "compressed" (ADR 8).
 */
export function encodeHcert(claims: CwtClaims, signer: HcertSigner): EncodedHcert {
  const payload = cwtBytes(claims);
  const signature = sign('sha256', sigStructure(signer.protectedHeader, payload), {
    key: signer.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  const cose = encodeCoseSign1(signer.protectedHeader, payload, signature);
  return { hc1: HC1_PREFIX + base45Encode(zlibDeflate(cose)), signature };
}

/** Large enough for any payload a QR code can carry; a larger one goes through cbor-x. */
const cwtWriter = new CborWriter(64 * 1024);

/**
 * The CWT's CBOR: {1: iss, 6: iat, 4: exp, -260: {1: payload}}. Written directly (the bytes
 * cbor-x writes for the same Maps, see CborWriter); only a payload the writer cannot take goes
 * through Maps and cbor-x. The result may be the writer's buffer: use it before the next call.
 */
function cwtBytes(claims: CwtClaims): Buffer {
  const written = cwtWriter.tryWrite((w) => {
    w.head(5, 4);
    w.integer(CWT_CLAIM.iss);
    w.text(claims.iss);
    w.integer(CWT_CLAIM.iat);
    w.integer(claims.iat);
    w.integer(CWT_CLAIM.exp);
    w.integer(claims.exp);
    w.integer(CWT_CLAIM.hcert);
    w.head(5, 1);
    w.integer(HCERT_V1);
    w.json(claims.hcert);
  });
  return written ?? cborEncoder.encode(cwtMapOf(claims));
}

/** The CWT as cbor-x encodes it (integer-keyed Maps around the payload's text-keyed ones). */
export function cwtMapOf(claims: CwtClaims): Map<number, unknown> {
  return new Map<number, unknown>([
    [CWT_CLAIM.iss, claims.iss],
    [CWT_CLAIM.iat, claims.iat],
    [CWT_CLAIM.exp, claims.exp],
    [CWT_CLAIM.hcert, new Map([[HCERT_V1, fromJson(claims.hcert)]])],
  ]);
}
