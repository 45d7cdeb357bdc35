export type Gender = 'male' | 'female';
export type InputSource = 'cccd-qr' | 'personal-qr-1405' | 'typed';

/** A person as stated (scanned or typed), normalised; what the registry is asked to confirm. */
export interface StatedPerson {
  source: InputSource;
  /** The layout version the input was read with, e.g. "cccd-qr-2021/7". */
  layout: string;
  idNumber: string;
  idKind: 'cccd' | 'cmnd';
  oldIdNumber?: string;
  /** NFC, single spaces, as written (case kept). */
  fullName?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  gender?: Gender;
  address?: string;
  /** YYYY-MM-DD */
  cardIssueDate?: string;
}
