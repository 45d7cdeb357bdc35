import type { DoseField, PersonalField } from './complaint-kinds';

/** The facts of a dose as a citizen or a site states them (the record's own shape in injections). */
export interface DoseFacts {
  vaccineCode: string;
  lotNumber: string;
  /** YYYY-MM-DD */
  administeredOn: string;
  siteId: string;
}

/** Who the citizen says they are: the four facts checked against the population registry. */
export interface StatedPerson {
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: 'male' | 'female';
  /** 12-digit CCCD or 9-digit CMND. */
  idNumber: string;
}

/** What the complaint is about; dose complaints name the site that gave the dose, which will handle them. */
export type ComplaintSubject =
  /** The listed fields of the record are wrong; the stated person holds the right values. */
  | { type: 'personal-details'; fields: PersonalField[] }
  | { type: 'missing-dose'; dose: DoseFacts }
  | { type: 'dose-details'; doseNumber: number; fields: DoseField[]; claimed: Partial<DoseFacts>; siteId: string }
  | { type: 'duplicate-record'; doseNumbers: number[]; siteId: string }
  | { type: 'certificate'; certificateId: string | null; siteId: string | null };

/** How a site's acceptance puts the record right: the command injections will be asked to carry out. */
export type Correction =
  | { action: 'correct-dose'; doseNumber: number; after: DoseFacts }
  | { action: 'void-dose'; doseNumber: number }
  /** The dose number is the one the site states; injections numbers the record's doses itself. */
  | { action: 'record-dose'; doseNumber: number; dose: DoseFacts }
  /** Nothing to change in the record: a certificate reissued, or identity facts the registry holds. */
  | { action: 'none' };

/** The correction actions that settle each type of complaint. */
export const CORRECTIONS_FOR: Record<ComplaintSubject['type'], Correction['action'][]> = {
  'personal-details': ['none'],
  'missing-dose': ['record-dose'],
  'dose-details': ['correct-dose'],
  'duplicate-record': ['void-dose'],
  certificate: ['none'],
};

/** The site that gave the dose the complaint is about (null: none named). */
export function siteOf(subject: ComplaintSubject): string | null {
  switch (subject.type) {
    case 'personal-details':
      return null;
    case 'missing-dose':
      return subject.dose.siteId;
    case 'dose-details':
    case 'duplicate-record':
    case 'certificate':
      return subject.siteId;
    default:
      return assertNever(subject);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
