import { InjectionsEventsV1, type PublicMessage } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import type { OutgoingMessage } from '@vax/messaging';
import type { RecordEvent } from '../domain/record/record.messages';

/** Private record events → injections.events.v1, keyed by person so one person's doses stay in order. */
export function injectionsEventToContractV1(event: RecordedEvent): OutgoingMessage | null {
  const e = event as unknown as RecordEvent & RecordedEvent;
  if (e.type !== 'DoseRecorded') return null;
  const { doseId, personId, doseNumber, vaccineCode, lotNumber, administeredOn, siteId, verificationId, recordedBy } =
    e.data;
  const message: PublicMessage = {
    eventId: event.id,
    type: 'DoseRecorded',
    aggregateId: personId,
    occurredAt: event.metadata.occurredAt.toISOString(),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    actor: event.metadata.actor,
    payload: {
      recordId: doseId,
      personId,
      dose: { doseNumber, vaccineCode, lotNumber, administeredOn, siteId },
      verificationId,
      recordedBy,
    },
  };
  return { topic: InjectionsEventsV1.topic, key: personId, message };
}
