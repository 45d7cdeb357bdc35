import { createHash } from 'node:crypto';
import type { AttestedDose } from '../domain/attestation/list-attestation.decider';

export interface ListContent {
  attestationId: string;
  campaignId: string;
  scope: string;
  unit: string;
  entries: AttestedDose[];
  signedBy: string;
  signerRole: string;
  signedAt: string;
}

/**
 * The exact bytes that are signed: the list with who signed and when, in a fixed order, entries
 * sorted by dose id, so anyone holding the list can rebuild them and check the signature.
 */
export function canonicalListContent(c: ListContent): Buffer {
  const entries = [...c.entries]
    .sort((a, b) => (a.doseId < b.doseId ? -1 : a.doseId > b.doseId ? 1 : 0))
    .map((e) => [e.doseId, e.personId, e.vaccineCode, e.lotNumber, e.administeredOn, e.siteId, e.verificationId]);
  return Buffer.from(
    JSON.stringify([c.attestationId, c.campaignId, c.scope, c.unit, c.signedBy, c.signerRole, c.signedAt, entries]),
    'utf8',
  );
}

export const sha256Hex = (content: Buffer) => createHash('sha256').update(content).digest('hex');
