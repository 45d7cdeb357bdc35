import { MergeDecisionRefused, type ProposalView, decideProposal } from './merge-decision';

const proposal: ProposalView = { proposalId: 'm-1', status: 'proposed', siteIds: ['LC-TD-01', 'LC-PT-01'] };
const rule = (work: () => unknown) => {
  try {
    work();
    return 'decided';
  } catch (error) {
    return error instanceof MergeDecisionRefused ? `${error.field}:${error.rule}` : 'other';
  }
};

describe('deciding a merge proposal', () => {
  it('is done by staff of either site, or a manager: confirmed or rejected', () => {
    expect(decideProposal(proposal, 'confirm', { role: 'site-staff', scope: 'site:LC-PT-01' })).toBe('confirmed');
    expect(decideProposal(proposal, 'reject', { role: 'site-head', scope: 'site:LC-TD-01' })).toBe('rejected');
    expect(decideProposal(proposal, 'confirm', { role: 'manager', scope: 'province:LC' })).toBe('confirmed');
  });

  it('is refused to other sites, and to a proposal already decided', () => {
    expect(rule(() => decideProposal(proposal, 'confirm', { role: 'site-staff', scope: 'site:LC-TD-02' }))).toBe(
      'proposalId:ownSite',
    );
    const decided = { ...proposal, status: 'rejected' as const };
    expect(rule(() => decideProposal(decided, 'confirm', { role: 'manager', scope: 'province:LC' }))).toBe(
      'status:proposed',
    );
  });
});
