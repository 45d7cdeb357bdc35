import type { SignedCertificate } from '../../domain/certificate/certification.messages';
import type { CertificateContent } from '../../domain/dcc/certificate-content';

/**
 * Turns certificate content into a signed certificate (a new UVCI, its HC1 text and revocation
 * hashes). An abstract class so that it is also the Nest DI token.
 */
export abstract class CertificateSigner {
  abstract sign(content: CertificateContent, now: Date): SignedCertificate;
}
