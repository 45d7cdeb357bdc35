import { CampaignEventsV1 } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { type OutgoingMessage, outgoing } from '@vax/messaging';
import type { ListAttested } from '../domain/attestation/list-attestation.decider';

/** The campaign's stored events → campaign.events.v1. Attestations are keyed by campaign. */
export function campaignEventToContractV1(event: RecordedEvent): OutgoingMessage | null {
  if (event.type !== 'ListAttested') return null;
  const { data } = event as unknown as ListAttested;
  return outgoing(CampaignEventsV1.topic, event, 'MatchedListAttested', data.campaignId, {
    attestationId: data.attestationId,
    campaignId: data.campaignId,
    scope: data.scope,
    unit: data.unit,
    doses: data.entries.length,
    attestedBy: data.signedBy,
    signerRole: data.signerRole,
    contentSha256: data.contentSha256,
    attestedAt: data.signedAt,
  });
}
