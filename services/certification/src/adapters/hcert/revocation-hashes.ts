import { hash } from 'node:crypto';
import type { RevocationHashes } from '../../domain/certificate/certification.messages';
import { COSE_ALG } from './cose-sign1';

/** The hash types of the EU DCC revocation lists (DCC revocation technical specification). */
export type RevocationHashType = 'SIGNATURE' | 'UCI' | 'COUNTRYCODEUCI';

export type { RevocationHashes };

/** One-shot SHA-256 (no Hash object per value), its first 16 bytes in base64. */
const first16 = (bytes: Uint8Array | string) => hash('sha256', bytes, 'buffer').toString('base64', 0, 16);

/**
 * The three entries a revoked certificate may be listed under: SHA-256 truncated to 128 bits,
 * base64. For ES256 the signature hash covers only r (its first half), so that a re-encoded but
 * equivalent signature (s ↔ n−s) is still caught.
 */
export function revocationHashes(input: {
  uvci: string;
  issuerCountry: string;
  signature: Uint8Array;
  alg: number;
}): RevocationHashes {
  const sig = input.alg === COSE_ALG.ES256 ? input.signature.subarray(0, input.signature.length / 2) : input.signature;
  return {
    SIGNATURE: first16(sig),
    UCI: first16(input.uvci),
    COUNTRYCODEUCI: first16(input.issuerCountry + input.uvci),
  };
}
