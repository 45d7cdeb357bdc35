import { createHash } from 'node:crypto';
import type { ListedDose } from '../domain/record/legacy-dose.messages';

export interface CampaignListContent {
  attestationId: string;
  campaignId: string;
  scope: string;
  unit: string;
  entries: (ListedDose & { doseId: string })[];
  signedBy: string;
  signerRole: string;
  signedAt: string;
}

/**
 * The bytes the campaign signs for a matched list (services/campaign attestation-content.ts, byte for
 * byte: a golden digest in the spec holds the two together): attestation, who and when, then the
 * entries sorted by dose id.
 */
export function campaignListContent(c: CampaignListContent): Buffer {
  const entries = [...c.entries]
    .sort((a, b) => (a.doseId < b.doseId ? -1 : a.doseId > b.doseId ? 1 : 0))
    .map((e) => [e.doseId, e.personId, e.vaccineCode, e.lotNumber, e.administeredOn, e.siteId, e.verificationId]);
  return Buffer.from(
    JSON.stringify([c.attestationId, c.campaignId, c.scope, c.unit, c.signedBy, c.signerRole, c.signedAt, entries]),
    'utf8',
  );
}

export const campaignListSha256 = (c: CampaignListContent) =>
  createHash('sha256').update(campaignListContent(c)).digest('hex');
