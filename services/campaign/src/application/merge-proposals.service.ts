import type { Actor } from '@vax/event-sourcing';
import { type KeysetPage, PAGE_LIMIT_MAX } from '@vax/platform';
import { MergeDecisionRefused, type ProposalStatus, decideProposal } from '../domain/duplicates/merge-decision';
import type { MergeProposals } from './ports/merge-proposals.port';

/** Probable duplicates as proposals a site confirms or rejects; nothing is merged before that. */
export class MergeProposalsService {
  constructor(
    private readonly proposals: MergeProposals,
    private readonly signalChanges: (campaignId: string) => Promise<unknown>,
  ) {}

  /** A page of the proposals touching a site's rows, with the evidence and both rows' dose facts. */
  forSite(campaignId: string, siteId: string, page: KeysetPage = { after: null, limit: PAGE_LIMIT_MAX }) {
    return this.proposals.forSite(campaignId, siteId, page);
  }

  async decide(
    campaignId: string,
    proposalId: string,
    decision: 'confirm' | 'reject',
    actor: Actor,
  ): Promise<ProposalStatus> {
    const status = await this.proposals.decideOne(campaignId, proposalId, actor.id, (proposal) => {
      if (!proposal) throw new MergeDecisionRefused('proposalId', 'known', 'no such proposal in this campaign');
      return decideProposal(proposal, decision, actor);
    });
    await this.signalChanges(campaignId);
    return status;
  }
}
