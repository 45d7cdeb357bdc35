import { type KeyObject, X509Certificate } from 'node:crypto';
import { keyIdOf } from './key-id';

/** A Document Signer Certificate a verifier trusts, with what verification needs of it precomputed. */
export interface TrustedSigner {
  kid: Buffer;
  der: Buffer;
  publicKey: KeyObject;
  /** Extended key usage OIDs; empty when the certificate has none. */
  extendedKeyUsages: string[];
  notBefore: Date;
  notAfter: Date;
  subject: string;
}

export function trustedSignerOf(der: Uint8Array): TrustedSigner {
  const certificate = new X509Certificate(der);
  return {
    kid: keyIdOf(der),
    der: Buffer.from(der),
    publicKey: certificate.publicKey,
    extendedKeyUsages: certificate.keyUsage ?? [],
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    subject: certificate.subject,
  };
}
