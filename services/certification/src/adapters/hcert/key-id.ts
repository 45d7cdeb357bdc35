import { createHash } from 'node:crypto';

/** The HCERT key identifier: the first 8 bytes of the SHA-256 of the signing certificate's DER. */
export function keyIdOf(certificateDer: Uint8Array): Buffer {
  return createHash('sha256').update(certificateDer).digest().subarray(0, 8);
}
