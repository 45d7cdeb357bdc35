/** The vocabularies of a complaint: what it is about, who handles it, how it may end. */

export const COMPLAINT_TYPES = [
  'personal-details',
  'missing-dose',
  'dose-details',
  'duplicate-record',
  'certificate',
] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

/** Identity facts are the registry's (police) to settle; the rest climbs the health hierarchy. */
export const HANDLING_LEVELS = ['registry', 'site', 'commune-station', 'district-centre', 'province'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

/**
 * Grounds to reject, after the national guidance (9458/BYT-CNTT), and the workflow's own ends (the
 * citizen did not reply; an operator closed it after a step failed), which no site may choose.
 */
export const REJECTION_REASONS = [
  'screening-form-incomplete',
  'name-differs-from-certificate',
  'only-personal-photo',
  'contradicts-certificate',
  'record-already-correct',
  'dose-not-given-here',
  'identity-not-confirmed',
  'duplicate-complaint',
  'citizen-did-not-reply',
  'closed-after-failure',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const CLOSE_OUTCOMES = ['resolved', 'rejected', 'withdrawn'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export const PERSONAL_FIELDS = ['fullName', 'dateOfBirth', 'gender', 'idNumber'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const DOSE_FIELDS = ['vaccineCode', 'lotNumber', 'administeredOn', 'siteId'] as const;
export type DoseField = (typeof DOSE_FIELDS)[number];
