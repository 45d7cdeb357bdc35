import {
  type BulkRecordV2,
  CampaignEventsV1,
  IdentityBulkRequestsV2,
  type LegacyDoseMatched,
  type PublicActor,
} from '@vax/contracts';
import { type OutgoingMessage, publicMessage } from '@vax/messaging';
import { v5 as uuidv5 } from 'uuid';

/** Message ids derived from what they carry: a message sent again after a crash has the same id. */
const NAMESPACE = '6d1f6a52-7c1e-4b8e-9a51-2f0c3e5a9b10';
export const messageIdOf = (name: string) => uuidv5(name, NAMESPACE);

export const campaignActor = (campaignId: string): PublicActor => ({
  id: `campaign:${campaignId}`,
  role: 'system',
  scope: 'province:LC',
});

const envelope = (campaignId: string, eventId: string, type: string, aggregateId: string, payload: object, at: Date) =>
  publicMessage({
    eventId,
    type,
    aggregateId,
    occurredAt: at,
    correlationId: campaignId,
    actor: campaignActor(campaignId),
    payload,
  });

/**
 * One chunk for identity (identity.bulk-requests.v2: rows without a usable number, and the list's
 * address, are searched; rows to review come back with their candidates), keyed by the batch.
 */
export function bulkRequest(campaignId: string, batchId: string, records: BulkRecordV2[], at: Date): OutgoingMessage {
  const message = envelope(
    campaignId,
    messageIdOf(`bulk:${batchId}`),
    'BulkLinkageRequested',
    batchId,
    { batchId, records },
    at,
  );
  return { topic: IdentityBulkRequestsV2.topic, key: batchId, message };
}

/** A matched dose for the records (campaign.events.v1), keyed by person so one person's doses stay in order. */
export function doseMatched(dose: LegacyDoseMatched, at: Date): OutgoingMessage {
  const message = envelope(
    dose.campaignId,
    messageIdOf(`dose:${dose.doseId}`),
    'LegacyDoseMatched',
    dose.personId,
    dose,
    at,
  );
  return { topic: CampaignEventsV1.topic, key: dose.personId, message };
}
