import { InjectionsAttestationsV1, InjectionsEventsV1, LegacyDoseOutcomesV1 } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { type OutgoingMessage, outgoing } from '@vax/messaging';
import type { DayAttested } from '../domain/attestation/attestation.messages';
import type { RecordEvent } from '../domain/record/record.messages';

/**
 * Private record events → injections.events.v1, keyed by person so one person's doses stay in order;
 * signed day lists → injections.attestations.v1, keyed by site.
 */
export function injectionsEventToContractV1(event: RecordedEvent): OutgoingMessage | null {
  if (event.type === 'DayAttested') return attested(event);
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
        ...optional(e.data.complaintId ?? null),
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
    case 'CorrectionRefused': {
      const { commandId, complaintId, problems } = e.data;
      return publish('CorrectionRefused', { commandId, complaintId, personId, problems });
    }
    case 'DuplicateAbsorbed': {
      const { fromPersonId, doses, reason, mergedBy } = e.data;
      return publish('RecordsMerged', {
        personId,
        mergedPersonId: fromPersonId,
        doses: doses
          .filter((d) => !d.voided)
          .map(({ doseId, doseNumber, vaccineCode, lotNumber, administeredOn, siteId }) => ({
            recordId: doseId,
            doseNumber,
            vaccineCode,
            lotNumber,
            administeredOn,
            siteId,
          })),
        reason,
        mergedBy,
      });
    }
    case 'LegacyDoseImported': {
      const { listed: _listed, ...answer } = e.data; // the listed facts are the campaign's own: not sent back
      return outgoing(LegacyDoseOutcomesV1.topic, event, e.type, personId, answer);
    }
    case 'LegacyDoseRefused': // the answer to the campaign, on its own topic
      return outgoing(LegacyDoseOutcomesV1.topic, event, e.type, personId, e.data);
    default:
      return null; // CorrectionApplied and RecordMergedInto are the record's own bookkeeping
  }
}

/** Keyed by site: an attestation is of a site's day, not of one person. */
function attested(event: RecordedEvent): OutgoingMessage {
  const { data } = event as unknown as DayAttested;
  return outgoing(InjectionsAttestationsV1.topic, event, 'RecordsAttested', data.siteId, {
    attestationId: data.attestationId,
    siteId: data.siteId,
    day: data.day,
    records: data.entries.map((e) => ({ recordId: e.doseId, personId: e.personId })),
    attestedBy: data.signedBy,
    attestedAs: data.signerRole,
    contentSha256: data.contentSha256,
    attestedAt: data.signedAt,
  });
}
