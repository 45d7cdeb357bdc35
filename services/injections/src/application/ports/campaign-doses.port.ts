import type { CampaignListEntry } from '../../domain/attestation/campaign-list.messages';

/** The campaign's imported doses read model, as a matched list's attestation reads it (DI token). */
export abstract class CampaignDosesReads {
  /** The campaign's doses at these sites not yet covered by an attestation. */
  abstract unattested(campaignId: string, siteIds: string[]): Promise<CampaignListEntry[]>;
}
