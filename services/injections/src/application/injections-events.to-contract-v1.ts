import { InjectionsEventsV1 } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { type OutgoingMessage, outgoing } from '@vax/messaging';
import type { RecordEvent } from '../domain/record/record.messages';

/** Private record events → injections.events.v1, keyed by person so one person's doses stay in order. */
export function injectionsEventToContractV1(event: RecordedEvent): OutgoingMessage | null {
  const e = event as unknown as RecordEvent & RecordedEvent;
  const personId = e.data.personId;
  const publish = (type: string, payload: object) => outgoing(InjectionsEventsV1.topic, event, type, personId, payload);
  const optional = (complaintId: string | null) => (complaintId ? { complaintId } : {});
  switch (e.type) {
    case 'DoseRecorded': {
      const { doseId, doseNumber, vaccineCode, lotNumber, administeredOn, siteId, verificationId, recordedBy } = e.data;
      return publish('DoseRecorded', {
        recordId: doseId,
        personId,
        dose: { doseNumber, vaccineCode, lotNumber, administeredOn, siteId },
        verificationId,
        recordedBy,
      });
    }
    case 'DoseCorrected': {
      const { doseNumber, before, after, reason, complaintId } = e.data;
      return publish('DoseCorrected', {
        recordId: `${personId}/${doseNumber}`,
        personId,
        before: { doseNumber, ...before },
        after: { doseNumber, ...after },
        reason,
        ...optional(complaintId),
      });
    }
    case 'DoseVoided': {
      const { doseNumber, reason, complaintId } = e.data;
      return publish('DoseVoided', {
        recordId: `${personId}/${doseNumber}`,
        personId,
        doseNumber,
        reason,
        ...optional(complaintId),
      });
    }
    case 'RecoveryRecorded': {
      const { positiveTestOn, recoveredOn, evidenceReference, stationId } = e.data;
      return publish('RecoveryRecorded', { personId, positiveTestOn, recoveredOn, evidenceReference, stationId });
    }
    default:
      return null;
  }
}
