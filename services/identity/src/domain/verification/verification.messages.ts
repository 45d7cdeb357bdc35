import type { Actor } from '@vax/event-sourcing';
import type { StatedPerson } from '../identity-input/stated-person';
import type { FieldDifference, MatchPolicy } from '../matching/person-matcher';
import type { RegistryPerson } from '../matching/registry-person';

export type VerificationResult = 'verified' | 'mismatched' | 'not-found';
export type ReviewOutcome = 'confirmed' | 'overridden';

/** Record the check of stated facts against what the registry returned (null: no such person). */
export interface RecordVerification {
  type: 'RecordVerification';
  verificationId: string;
  stated: StatedPerson;
  registry: RegistryPerson | null;
  policy: MatchPolicy;
  at: string;
}

/** A police verifier confirms the result, or overrides a mismatch, with a reason. */
export interface ReviewVerification {
  type: 'ReviewVerification';
  verificationId: string;
  outcome: ReviewOutcome;
  reason: string;
  reviewer: Actor;
  at: string;
}

export type VerificationCommand = RecordVerification | ReviewVerification;

export type VerificationRecorded = {
  type: 'VerificationRecorded';
  data: {
    verificationId: string;
    stated: StatedPerson;
    /** What the registry held when checked (null: nobody with that number). */
    registry: RegistryPerson | null;
    result: VerificationResult;
    personId: string | null;
    differences: FieldDifference[];
    checkedAt: string;
  };
};

export type VerificationReviewed = {
  type: 'VerificationReviewed';
  data: { verificationId: string; outcome: ReviewOutcome; reason: string; reviewer: Actor; reviewedAt: string };
};

export type VerificationEvent = VerificationRecorded | VerificationReviewed;
