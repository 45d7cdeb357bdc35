import type { KeysetPage } from '@vax/platform';
import type { ProposalStatus, ProposalView } from '../../domain/duplicates/merge-decision';

/** A proposal as a site sees it: the evidence and both rows' dose facts (no identity fields). */
export interface MergeProposalListing {
  proposalId: string;
  status: ProposalStatus;
  evidence: unknown;
  keep: unknown;
  duplicate: unknown;
}

/** The merge proposals of campaigns (an abstract class so that it is also the Nest DI token). */
export abstract class MergeProposals {
  /** A page of the proposals touching a site's rows, by proposal id. */
  abstract forSite(
    campaignId: string,
    siteId: string,
    page?: KeysetPage,
  ): Promise<{ items: MergeProposalListing[]; nextCursor: string | null }>;
  /**
   * In one transaction: the proposal, held against a concurrent decision (undefined when the
   * campaign has no such proposal), given to `decide`; the status it answers is recorded, by whom.
   */
  abstract decideOne(
    campaignId: string,
    proposalId: string,
    decidedBy: string,
    decide: (proposal: ProposalView | undefined) => ProposalStatus,
  ): Promise<ProposalStatus>;
}
