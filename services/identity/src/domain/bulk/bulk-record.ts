import type { InputProblem } from '../identity-input/identity-input.error';
import type { Gender } from '../identity-input/stated-person';

/** One record of an old vaccination list, with the fields bulk verification sends (9438/BYT-CNTT). */
export interface BulkRecord {
  recordId: string;
  idNumber?: string;
  fullName: string;
  dateOfBirth?: string;
  gender?: Gender;
  /** The address as the list had it, when it had one: its commune and district are evidence. */
  address?: string;
}

/** A record's fields as read for matching (bulk-matching.ts `prepare`). */
export interface PreparedRecord {
  record: BulkRecord;
  idNumber?: string;
  problems: InputProblem[];
  fullName: string;
  dateOfBirth?: string;
  /** A date was given but is no real date (31/02): it differs from any registry date. */
  invalidDateOfBirth: boolean;
}
