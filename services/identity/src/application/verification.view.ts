import type { RecordedEvent } from '@vax/event-sourcing';
import type { FieldDifference } from '../domain/matching/person-matcher';
import type {
  ReviewOutcome,
  VerificationEvent,
  VerificationResult,
} from '../domain/verification/verification.messages';

/** What the injection desk and the police see of a verification: no personal data beyond the ids. */
export interface VerificationView {
  verificationId: string;
  result: VerificationResult;
  /** After reviews: a mismatch a police verifier overrode stands as verified. */
  standing: VerificationResult;
  personId: string | null;
  source: string;
  differences: FieldDifference[];
  checkedAt: string;
  checkedBy: string;
  /** The unit (actor scope) whose desk made the check. */
  checkedIn: string;
  reviews: { outcome: ReviewOutcome; reason: string; reviewerId: string; reviewedAt: string }[];
}

export function toView(events: RecordedEvent[]): VerificationView | null {
  let view: VerificationView | null = null;
  for (const event of events as unknown as (VerificationEvent & RecordedEvent)[]) {
    if (event.type === 'VerificationRecorded') {
      const d = event.data;
      view = {
        verificationId: d.verificationId,
        result: d.result,
        standing: d.result,
        personId: d.personId,
        source: d.stated.source,
        differences: d.differences,
        checkedAt: d.checkedAt,
        checkedBy: event.metadata.actor.id,
        checkedIn: event.metadata.actor.scope,
        reviews: [],
      };
    } else if (event.type === 'VerificationReviewed' && view) {
      const d = event.data;
      view.reviews.push({ outcome: d.outcome, reason: d.reason, reviewerId: d.reviewer.id, reviewedAt: d.reviewedAt });
      if (d.outcome === 'overridden') view.standing = 'verified';
    }
  }
  return view;
}
