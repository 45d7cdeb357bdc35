import type { PersonalField } from '../../domain/complaint-kinds';
import type { StatedPerson } from '../../domain/complaint-subject';

export interface IdentityCheckResult {
  result: 'verified' | 'mismatched' | 'not-found';
  verificationId: string | null;
  personId: string | null;
  differingFields: PersonalField[];
}

/** Checks a stated person against the population registry (the identity service). */
export interface IdentityRegistryPort {
  /** Idempotent by `key`: the same check asked twice is answered once. */
  check(request: { key: string; complaintId: string; stated: StatedPerson }): Promise<IdentityCheckResult>;
}
