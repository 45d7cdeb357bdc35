import type { Decider } from '@vax/event-sourcing';
import type { CampaignListEvent, CampaignListState, RecordCampaignList } from './campaign-list.messages';

/**
 * A list the campaign had signed (campaign.events.v1 MatchedListAttested) carried into the records:
 * its doses are attested only when the doses injections holds for the unit are exactly the signed
 * list — the same count and the same digest of the canonical content — since the message names no
 * dose. One stream per attestation; the same message again records nothing.
 */
export const campaignListDecider: Decider<CampaignListState, RecordCampaignList, CampaignListEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (state.status === 'recorded') return [];
    const { found, foundSha256, type: _type, ...signed } = command;
    if (found.length !== command.doses)
      return [{ type: 'CampaignListNotMatched', data: { ...signed, found: found.length, reason: 'count-differs' } }];
    if (foundSha256 !== command.contentSha256)
      return [{ type: 'CampaignListNotMatched', data: { ...signed, found: found.length, reason: 'content-differs' } }];
    const entries = found.map(({ doseId, recordDoseId, personId }) => ({ doseId, recordDoseId, personId }));
    return [{ type: 'CampaignListAttested', data: { ...signed, entries } }];
  },

  evolve: () => ({ status: 'recorded' }),
};
