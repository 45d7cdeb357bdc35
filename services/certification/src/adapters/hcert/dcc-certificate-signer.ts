import { randomFillSync } from 'node:crypto';
import type { CertificateContent } from '../../domain/dcc/certificate-content';
import { cwtClaimsOf, dccPayloadOf } from '../../domain/dcc/dcc-payload';
import type { SignedCertificate } from '../../domain/certificate/certification.messages';
import type { CertificationReference } from '../../domain/certification-reference';
import { uvciOf } from '../../domain/uvci/uvci';
import { COSE_ALG } from './cose-sign1';
import { encodeHcert } from './hcert.encoder';
import { revocationHashes } from './revocation-hashes';
import type { CertificateSigner } from '../../application/ports/certificate-signer.port';
import type { SigningKeys } from '../keys/signing-keys';

const UNIQUE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I/1, O/0: read aloud over the phone
const UNIQUE_LENGTH = 16; // 80 bits
if (UNIQUE_ALPHABET.length !== 32) throw new Error('randomUnique draws 5 bits a character');

/** Random bytes drawn from the CSPRNG in batches (one call per 256 identifiers, not 16 per identifier). */
const randomPool = Buffer.allocUnsafeSlow(UNIQUE_LENGTH * 256);
let randomUsed = randomPool.length;

/**
 * A fresh identifier's random part: reveals nothing about the person, never repeats in practice.
 * The alphabet has 32 characters, so the low 5 bits of a random byte pick one uniformly.
 */
export function randomUnique(): string {
  if (randomUsed + UNIQUE_LENGTH > randomPool.length) {
    randomFillSync(randomPool);
    randomUsed = 0;
  }
  let unique = '';
  for (let i = 0; i < UNIQUE_LENGTH; i++) unique += UNIQUE_ALPHABET[randomPool[randomUsed + i] & 31];
  randomPool.fill(0, randomUsed, randomUsed + UNIQUE_LENGTH); // a drawn value is not kept around
  randomUsed += UNIQUE_LENGTH;
  return unique;
}

/** Turns certificate content into a signed EU DCC: new UVCI, payload, CWT claims, COSE, HC1. */
export class DccCertificateSigner implements CertificateSigner {
  private readonly kidBase64: string;

  constructor(
    private readonly keys: SigningKeys,
    private readonly reference: CertificationReference,
    private readonly issuingEntity: string,
    private readonly unique: () => string = randomUnique,
  ) {
    this.kidBase64 = keys.signer.kid.toString('base64');
  }

  get kid(): Buffer {
    return this.keys.signer.kid;
  }

  sign(content: CertificateContent, now: Date): SignedCertificate {
    const certificateId = uvciOf(this.reference.issuer.country, this.issuingEntity, this.unique());
    const claims = cwtClaimsOf(dccPayloadOf(content, certificateId, this.reference), now, this.reference);
    const { hc1, signature } = encodeHcert(claims, this.keys.signer);
    return {
      certificateId,
      content,
      hc1,
      issuedAt: new Date(claims.iat * 1000).toISOString(),
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      kid: this.kidBase64,
      hashes: revocationHashes({ uvci: certificateId, issuerCountry: claims.iss, signature, alg: COSE_ALG.ES256 }),
      valueSetVersion: this.reference.valueSetVersion,
      schemaVersion: this.reference.schemaVersion,
    };
  }
}
