import { type KeyObject, constants, verify } from 'node:crypto';
import { COSE_ALG, type CoseSign1, algorithmOf, sigStructure } from './cose-sign1';

/**
 * r‖s lengths per curve. ES256 means ECDSA with SHA-256; RFC 9053 lets the key's curve vary, and
 * three Spanish vectors (ES/401–403) sign with P-384 under alg -7. We issue on P-256 only (I-CO3).
 */
const EC_SIGNATURE_BYTES: Record<string, number> = { prime256v1: 64, secp384r1: 96, secp521r1: 132 };

/**
 * Whether a COSE_Sign1 signature holds under a public key: ES256 (P-256, r‖s of 64 bytes) or
 * PS256 (RSA-PSS). Any other algorithm, or a key of the wrong kind for it, is a failure, never a
 * crash (CO24, CO27).
 */
export function coseSignatureProblem(cose: CoseSign1, key: KeyObject): string | null {
  const alg = algorithmOf(cose);
  const data = sigStructure(cose.protectedBytes, cose.payload);
  try {
    if (alg === COSE_ALG.ES256) {
      if (key.asymmetricKeyType !== 'ec') return 'ES256 signature but the certificate key is not EC';
      const expected = EC_SIGNATURE_BYTES[key.asymmetricKeyDetails?.namedCurve ?? ''];
      if (cose.signature.length !== expected)
        return `ES256 signature of ${cose.signature.length} bytes (expected ${expected ?? 'a NIST curve key'})`;
      return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, cose.signature) ? null : 'signature mismatch';
    }
    if (alg === COSE_ALG.PS256) {
      if (key.asymmetricKeyType !== 'rsa') return 'PS256 signature but the certificate key is not RSA';
      const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO };
      return verify('sha256', data, options, cose.signature) ? null : 'signature mismatch';
    }
    return `algorithm ${String(alg)} is not supported (ES256 or PS256)`;
  } catch (error) {
    return `signature not verifiable: ${(error as Error).message}`;
  }
}
