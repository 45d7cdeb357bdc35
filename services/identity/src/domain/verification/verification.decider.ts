import type { Decider } from '@vax/event-sourcing';
import { compareWithRegistry, isTolerated } from '../matching/person-matcher';
import type {
  RecordVerification,
  ReviewOutcome,
  ReviewVerification,
  VerificationCommand,
  VerificationEvent,
  VerificationRecorded,
  VerificationResult,
} from './verification.messages';

export type VerificationState =
  | { status: 'none' }
  | {
      status: 'recorded';
      result: VerificationResult;
      personId: string | null;
      /** The result as it stands after reviews: a mismatch a verifier overrode counts as verified. */
      standing: VerificationResult;
      reviews: VerificationReviewed[];
    };
type VerificationReviewed = Extract<VerificationEvent, { type: 'VerificationReviewed' }>['data'];

export const POLICE_VERIFIER = 'police-verifier';
const MIN_REASON_LENGTH = 10;

export type VerificationErrorCode =
  'not-recorded' | 'not-a-police-verifier' | 'reason-required' | 'nothing-to-override';

export class VerificationError extends Error {
  constructor(
    readonly code: VerificationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VerificationError';
  }
}

/**
 * One identity check: stated facts against the registry, and what police verifiers said of it.
 * The police vouch for identity: only they review, and an override needs a reason on record.
 */
export const verificationDecider: Decider<VerificationState, VerificationCommand, VerificationEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'RecordVerification':
        // The same request again (a retried scan) changes nothing: the first result stands.
        return state.status === 'none' ? [record(command)] : [];
      case 'ReviewVerification':
        return [review(command, state)];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'VerificationRecorded':
        return {
          status: 'recorded',
          result: event.data.result,
          personId: event.data.personId,
          standing: event.data.result,
          reviews: [],
        };
      case 'VerificationReviewed': {
        if (state.status !== 'recorded') return state;
        const standing = event.data.outcome === 'overridden' ? 'verified' : state.standing;
        return { ...state, standing, reviews: [...state.reviews, event.data] };
      }
      default:
        return assertNever(event);
    }
  },
};

function record(command: RecordVerification): VerificationRecorded {
  const { stated, registry, policy } = command;
  const differences = registry ? compareWithRegistry(stated, registry) : [];
  const result: VerificationResult = !registry
    ? 'not-found'
    : differences.every((d) => isTolerated(d, policy))
      ? 'verified'
      : 'mismatched';
  return {
    type: 'VerificationRecorded',
    data: {
      verificationId: command.verificationId,
      stated,
      registry,
      result,
      personId: registry?.personId ?? null,
      differences,
      checkedAt: command.at,
    },
  };
}

function review(command: ReviewVerification, state: VerificationState): VerificationEvent {
  if (state.status !== 'recorded')
    throw new VerificationError('not-recorded', `no verification ${command.verificationId}`);
  if (command.reviewer.role !== POLICE_VERIFIER) {
    throw new VerificationError('not-a-police-verifier', 'only a police verifier reviews identity results');
  }
  if (command.reason.trim().length < MIN_REASON_LENGTH) {
    throw new VerificationError(
      'reason-required',
      `a review needs a reason of at least ${MIN_REASON_LENGTH} characters`,
    );
  }
  if (command.outcome === 'overridden' && !canOverride(state.result)) {
    throw new VerificationError(
      'nothing-to-override',
      `a ${state.result} result cannot be overridden; confirm it or record a new check`,
    );
  }
  return {
    type: 'VerificationReviewed',
    data: {
      verificationId: command.verificationId,
      outcome: command.outcome,
      reason: command.reason.trim(),
      reviewer: command.reviewer,
      reviewedAt: command.at,
    },
  };
}

/** Only a mismatch with a person behind it can be overridden to verified; "not found" has no one to vouch for. */
const canOverride = (result: VerificationResult): boolean => result === 'mismatched';

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

export type { ReviewOutcome };
