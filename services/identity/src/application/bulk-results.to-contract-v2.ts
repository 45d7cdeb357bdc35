import { type BulkLinkageCompleted, IdentityBulkResultsV2, type LinkageCandidate } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import { type OutgoingMessage, outgoing } from '@vax/messaging';
import type { BulkCandidate } from '../domain/bulk/bulk-matching';
import type { BulkVerificationCompleted } from '../domain/bulk/bulk-verification.decider';
import { residenceDistrict } from '../domain/census/population-census';

/**
 * A v2 batch's answer → identity.bulk-results.v2: v1's fields, and for a row to review its ranked
 * candidates with the evidence and what its site needs to tell them apart (never a number or address).
 */
export function bulkLinkageCompletedV2(
  event: RecordedEvent,
  data: BulkVerificationCompleted['data'],
  districts: ReadonlySet<string>,
): OutgoingMessage {
  const payload: BulkLinkageCompleted = {
    batchId: data.batchId,
    completedAt: data.completedAt,
    results: data.results.map(({ recordId, result, personId, differences, candidates }) => ({
      recordId,
      result,
      ...(personId ? { personId } : {}),
      differences: differences.map(({ field, kind }) => ({ field, kind })),
      ...(candidates?.length ? { candidates: candidates.map((c) => candidateOf(c, districts)) } : {}),
    })),
  };
  return outgoing(IdentityBulkResultsV2.topic, event, 'BulkLinkageCompleted', data.batchId, payload);
}

function candidateOf(c: BulkCandidate, districts: ReadonlySet<string>): LinkageCandidate {
  const district = residenceDistrict(c.address, districts);
  return {
    personId: c.personId,
    score: c.score,
    evidence: { ...c.evidence },
    fullName: c.fullName,
    dateOfBirth: c.dateOfBirth,
    gender: c.gender,
    ...(district !== 'unknown' ? { district } : {}),
  };
}
