/**
 * A row of an old vaccination list as the sites kept it, read through a column mapping and checked
 * field by field. Problems carry field and rule only, never the value: the report and the logs may
 * be read by people who must not see names or ID numbers.
 */

/** The fields a mapping can point a column at (the four of 9438/BYT-CNTT, contact, and the dose). */
export const LEGACY_FIELDS = [
  'fullName',
  'dateOfBirth',
  'gender',
  'idNumber',
  'phone',
  'address',
  'vaccine',
  'lotNumber',
  'administeredOn',
  'doseNumber',
  'site',
] as const;
export type LegacyField = (typeof LEGACY_FIELDS)[number];

/** Without these columns a list cannot be reconciled at all: the file is refused before its rows. */
export const REQUIRED_COLUMNS: readonly LegacyField[] = [
  'fullName',
  'dateOfBirth',
  'idNumber',
  'administeredOn',
  'site',
];

/** A cell as a reader gives it: text from CSV; text, number, date or nothing from a spreadsheet. */
export type CellValue = string | number | Date | null | undefined;

export interface RowProblem {
  field: LegacyField | 'row';
  rule: string;
}

/** How usable the ID number is: only `valid` rows are sent to the registry. */
export type IdState = 'valid' | 'missing' | 'malformed';

export type Gender = 'male' | 'female';

/** A row after mapping and validation; absent fields are undefined. */
export interface LegacyRow {
  rowNumber: number;
  /** accepted: usable (possibly with problems); rejected: nothing to verify or record. */
  status: 'accepted' | 'rejected';
  idState: IdState;
  fullName?: string;
  dateOfBirth?: string;
  gender?: Gender;
  idNumber?: string;
  phone?: string;
  address?: string;
  vaccineCode?: string;
  lotNumber?: string;
  administeredOn?: string;
  doseNumber?: number;
  siteId?: string;
  problems: RowProblem[];
}

/** Problems that keep a matched row's dose out of the records until its site fixes them. */
export const DOSE_FACT_FIELDS: readonly LegacyField[] = ['vaccine', 'lotNumber', 'administeredOn', 'site'];

export const blocksRecording = (problems: RowProblem[]): boolean =>
  problems.some((p) => (DOSE_FACT_FIELDS as readonly string[]).includes(p.field));

export const problemText = (problems: RowProblem[]): string => problems.map((p) => `${p.field}:${p.rule}`).join('|');

export function parseProblemText(text: string | null | undefined): RowProblem[] {
  if (!text) return [];
  return text.split('|').map((pair) => {
    const [field, rule] = pair.split(':');
    return { field: field as RowProblem['field'], rule };
  });
}
