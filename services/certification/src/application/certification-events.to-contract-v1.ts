import { CertificationEventsV1 } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { type OutgoingMessage, outgoing } from '@vax/messaging';
import type { CertificationEvent } from '../domain/certificate/certification.messages';

/**
 * Private certification events → certification.events.v1, keyed by person. Only identifiers,
 * statuses and instants leave the service: never the holder's name, birth date or the QR.
 */
export function certificationEventToContractV1(event: RecordedEvent): OutgoingMessage | null {
  const e = event as unknown as CertificationEvent;
  const publish = (type: string, personId: string, payload: object) =>
    outgoing(CertificationEventsV1.topic, event, type, personId, payload);
  switch (e.type) {
    case 'CertificateIssued': {
      const { certificateId, personId, content, issuedAt, expiresAt, valueSetVersion, replaces } = e.data;
      return publish('CertificateIssued', personId, {
        certificateId,
        personId,
        status: content.status,
        issuedAt,
        expiresAt,
        valueSetVersion,
        ...(replaces ? { replaces } : {}),
      });
    }
    case 'CertificateRevoked': {
      const { certificateId, personId, reason, replacedBy, revokedAt } = e.data;
      return publish('CertificateRevoked', personId, {
        certificateId,
        personId,
        reason,
        revokedAt,
        ...(replacedBy ? { replacedBy } : {}),
      });
    }
    default:
      return null; // facts, holders and statuses stay inside the service
  }
}
