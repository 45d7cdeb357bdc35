import { type MatchedListAttested, matchedListSha256 } from '@vax/contracts';
import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import { campaignListDecider } from '../domain/attestation/campaign-list.decider';
import type { ReferenceData } from '../reference/reference-data';
import type { CampaignDosesReads } from './ports/campaign-doses.port';

export const campaignListStream = (attestationId: string) => `campaign-list-${attestationId}`;

/**
 * A matched list the campaign had signed (campaign.events.v1 MatchedListAttested) carried into the
 * records. The message names no dose (a commune's list is too long for it), so the doses are the
 * campaign's doses of the unit on the records and not yet covered (read model campaign_doses), and
 * only if they are exactly the signed list: same count, same digest.
 */
export class CampaignListAttestationService {
  constructor(
    private readonly store: EventStore,
    private readonly campaignDoses: CampaignDosesReads,
    private readonly reference: ReferenceData,
  ) {}

  async record(list: MatchedListAttested, actor: Actor, meta: { correlationId: string; causationId: string }) {
    const found = await this.campaignDoses.unattested(list.campaignId, this.sitesOf(list.scope, list.unit));
    const { attestedBy, signerRole, attestedAt } = list;
    const foundSha256 = matchedListSha256({
      ...list,
      entries: found,
      signedBy: attestedBy,
      signerRole,
      signedAt: attestedAt,
    });
    const { events } = await handleCommand(
      this.store,
      campaignListDecider,
      campaignListStream(list.attestationId),
      { type: 'RecordCampaignList', ...list, found, foundSha256 },
      { ...meta, actor, occurredAt: new Date(attestedAt) },
    );
    return events.map((e) => e.type);
  }

  private sitesOf(scope: 'site' | 'commune', unit: string): string[] {
    if (scope === 'site') return [unit];
    return [...this.reference.sites.values()].filter((s) => s.commune === unit).map((s) => s.id);
  }
}
