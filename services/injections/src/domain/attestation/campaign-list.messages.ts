import type { ListedDose } from '../record/legacy-dose.messages';

/** A legacy dose on the record, as the campaign's list has it, with the dose on the record it became. */
export interface CampaignListEntry extends ListedDose {
  /** The campaign's client id of the dose (`legacy:…`). */
  doseId: string;
  /** The dose on the record: the legacy dose itself, or the same injection already there. */
  recordDoseId: string;
}

/**
 * campaign.events.v1 MatchedListAttested, with what injections found for it: the campaign's doses of
 * the unit on the records and not yet covered, and the digest of their canonical list.
 */
export interface RecordCampaignList {
  type: 'RecordCampaignList';
  attestationId: string;
  campaignId: string;
  scope: 'site' | 'commune';
  unit: string;
  /** How many doses the signature covers, and the digest of their list (the campaign's figures). */
  doses: number;
  contentSha256: string;
  attestedBy: string;
  signerRole: string;
  attestedAt: string;
  found: CampaignListEntry[];
  foundSha256: string;
}

type Signed = Pick<
  RecordCampaignList,
  | 'attestationId'
  | 'campaignId'
  | 'scope'
  | 'unit'
  | 'doses'
  | 'contentSha256'
  | 'attestedBy'
  | 'signerRole'
  | 'attestedAt'
>;

/** The list the campaign signed is the one on the records: its doses carry the attestation. */
export type CampaignListAttested = {
  type: 'CampaignListAttested';
  data: Signed & { entries: { doseId: string; recordDoseId: string; personId: string }[] };
};

/**
 * The doses injections holds for the unit are not the list that was signed (another count, or the same
 * count with other content): nothing is covered, and the attestation is kept to be looked into.
 */
export type CampaignListNotMatched = {
  type: 'CampaignListNotMatched';
  data: Signed & { found: number; reason: 'count-differs' | 'content-differs' };
};

export type CampaignListEvent = CampaignListAttested | CampaignListNotMatched;
export type CampaignListState = { status: 'none' } | { status: 'recorded' };
