import { ComplaintsEventsV1 } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { type OutgoingMessage, outgoing } from '@vax/messaging';
import { siteOf } from '../domain/complaint-subject';
import type { ComplaintEvent } from '../domain/complaint.events';

const STREAM_PREFIX = 'complaint-';

/**
 * Private complaint events → complaints.events.v1, keyed by complaint id. What stays private: the
 * stated identity, contact, texts and evidence, the identity check; nothing personal is published.
 */
export function complaintEventToContractV1(event: RecordedEvent): OutgoingMessage | null {
  if (!event.stream.startsWith(STREAM_PREFIX)) return null;
  const complaintId = event.stream.slice(STREAM_PREFIX.length);
  const e = event as unknown as ComplaintEvent & RecordedEvent;
  const publish = (type: string, payload: object) =>
    outgoing(ComplaintsEventsV1.topic, event, type, complaintId, { complaintId, ...payload });
  switch (e.type) {
    case 'ComplaintFiled': {
      const siteId = siteOf(e.data.subject);
      // The filer (a citizen signs in as a registry person): the services owning their record learn
      // that the unit about to hold the complaint may read it (the scope model's "complaint held").
      return publish('ComplaintFiled', {
        complaintType: e.data.complaintType,
        personId: e.data.citizenId,
        ...(siteId ? { siteId } : {}),
        filedAt: e.data.filedAt,
      });
    }
    case 'ComplaintAssigned': {
      const { level, unitId, dueAt, cause, assignedAt } = e.data;
      return publish('ComplaintAssigned', { level, assigneeUnitId: unitId, dueAt, cause, assignedAt });
    }
    case 'SlaBreached': {
      const { level, unitId, dueAt, breachedAt } = e.data;
      return publish('SlaBreached', { level, assigneeUnitId: unitId, dueAt, breachedAt });
    }
    case 'InformationRequested': {
      const { remainingMinutes, replyBy, requestedAt } = e.data;
      return publish('InformationRequested', { remainingMinutes, replyBy, requestedAt });
    }
    case 'CitizenReplied':
      return publish('CitizenReplied', { dueAt: e.data.dueAt, repliedAt: e.data.repliedAt });
    case 'ComplaintAccepted': {
      const { correction, decidedBy } = e.data;
      if (correction.action === 'none') return null;
      const { action, doseNumber } = correction;
      return publish('CorrectionRequested', { action, doseNumber, requestedBy: decidedBy.id });
    }
    case 'ComplaintAppealed':
      return publish('ComplaintAppealed', { appealedAt: e.data.appealedAt });
    case 'ComplaintClosed': {
      const { outcome, reason, appealUntil, closedAt } = e.data;
      return publish('ComplaintClosed', {
        outcome,
        ...(reason ? { reasonCode: reason } : {}),
        ...(appealUntil ? { appealUntil } : {}),
        closedAt,
      });
    }
    default:
      return null; // IdentityChecked, CorrectionApplied/Refused, EvidenceAttached stay private
  }
}
