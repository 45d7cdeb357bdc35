import { createHash } from 'node:crypto';
import type { AttestedEntry } from '../domain/attestation/attestation.messages';

export interface AttestationContent {
  attestationId: string;
  siteId: string;
  day: string;
  entries: AttestedEntry[];
  signedBy: string;
  signerRole: string;
  signedAt: string;
}

/**
 * The exact bytes that are signed: the list with who signed and when, keys in a fixed order and the
 * entries sorted by dose id, so anyone holding the record can rebuild them and check the signature.
 */
export function canonicalContent(c: AttestationContent): Buffer {
  const entries = [...c.entries]
    .sort((a, b) => (a.doseId < b.doseId ? -1 : a.doseId > b.doseId ? 1 : 0))
    .map((e) => [e.doseId, e.personId, e.doseNumber, e.vaccineCode, e.lotNumber, e.administeredOn, e.verificationId]);
  return Buffer.from(
    JSON.stringify([c.attestationId, c.siteId, c.day, c.signedBy, c.signerRole, c.signedAt, entries]),
    'utf8',
  );
}

export const sha256Hex = (content: Buffer) => createHash('sha256').update(content).digest('hex');
