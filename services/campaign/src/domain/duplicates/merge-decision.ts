export type ProposalStatus = 'proposed' | 'confirmed' | 'rejected';

export interface ProposalView {
  proposalId: string;
  status: ProposalStatus;
  /** The sites of the two rows: staff of either may decide. */
  siteIds: (string | null)[];
}

export class MergeDecisionRefused extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'MergeDecisionRefused';
  }
}

/**
 * A site confirms that two rows are one injection entered twice (the duplicate then never reaches
 * the records) or rejects the proposal (both rows are doses). Decided once; the system never decides
 * on its own, since a wrong merge would erase a real dose of a real person.
 */
export function decideProposal(
  proposal: ProposalView,
  decision: 'confirm' | 'reject',
  actor: { role: string; scope: string },
): ProposalStatus {
  const ownSite = proposal.siteIds.some((s) => s !== null && actor.scope === `site:${s}`);
  if (!ownSite && actor.role !== 'manager')
    throw new MergeDecisionRefused('proposalId', 'ownSite', 'only staff of a site of these rows decide');
  if (proposal.status !== 'proposed')
    throw new MergeDecisionRefused('status', 'proposed', `the proposal was already ${proposal.status}`);
  return decision === 'confirm' ? 'confirmed' : 'rejected';
}
