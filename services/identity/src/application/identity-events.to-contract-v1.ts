import { IdentityEventsV1 } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { type OutgoingMessage, outgoing } from '@vax/messaging';
import type { BulkVerificationCompleted } from '../domain/bulk/bulk-verification.decider';
import type { VerificationEvent } from '../domain/verification/verification.messages';
import { loadPopulationReference } from '../reference/population-reference';
import { CENSUS_STREAM, type PopulationCounted, residenceDistrict } from '../domain/census/population-census';
import { bulkLinkageCompletedV2 } from './bulk-results.to-contract-v2';

const DISTRICTS: ReadonlySet<string> = new Set(loadPopulationReference().districts.map((d) => d.name));

/**
 * Private verification events → identity.events.v1. Every stored event has a public counterpart; the
 * answer to a v2 bulk batch goes out on identity.bulk-results.v2 instead.
 */
export function identityEventToContractV1(event: RecordedEvent): OutgoingMessage | null {
  const e = event as unknown as (VerificationEvent | BulkVerificationCompleted | PopulationCounted) & RecordedEvent;
  const envelope = (type: string, aggregateId: string, payload: object) =>
    outgoing(IdentityEventsV1.topic, event, type, aggregateId, payload);
  switch (e.type) {
    case 'VerificationRecorded': {
      const { verificationId, stated, registry, result, personId, differences, checkedAt } = e.data;
      if (result === 'verified' && registry) {
        return envelope('IdentityVerified', verificationId, {
          verificationId,
          personId: registry.personId,
          idNumber: registry.idNumber,
          fullName: registry.fullName,
          dateOfBirth: registry.dateOfBirth,
          gender: registry.gender,
          source: stated.source,
          verifiedAt: checkedAt,
          residenceDistrict: residenceDistrict(registry.address, DISTRICTS),
        });
      }
      if (result === 'mismatched') {
        return envelope('IdentityMismatched', verificationId, {
          verificationId,
          ...(personId ? { personId } : {}),
          idNumber: stated.idNumber,
          differences: differences.map(({ field, kind }) => ({ field, kind })),
          source: stated.source,
          checkedAt,
        });
      }
      return envelope('IdentityNotFound', verificationId, {
        verificationId,
        idNumber: stated.idNumber,
        source: stated.source,
        checkedAt,
      });
    }
    case 'VerificationReviewed': {
      const { verificationId, outcome, reason, reviewer, reviewedAt } = e.data;
      return envelope('IdentityResultReviewed', verificationId, {
        verificationId,
        outcome,
        reason,
        verifierId: reviewer.id,
        reviewedAt,
      });
    }
    case 'BulkVerificationCompleted': {
      const { batchId, results, completedAt } = e.data;
      if (e.data.reply === 'v2') return bulkLinkageCompletedV2(event, e.data, DISTRICTS);
      return envelope('BulkVerificationCompleted', batchId, {
        batchId,
        completedAt,
        results: results.map(({ recordId, result, personId, differences }) => ({
          recordId,
          result,
          ...(personId ? { personId } : {}),
          differences: differences.map(({ field, kind }) => ({ field, kind })),
        })),
      });
    }
    case 'PopulationCounted':
      return envelope('RegistryPopulationCounted', CENSUS_STREAM, e.data);
    default:
      return null;
  }
}
