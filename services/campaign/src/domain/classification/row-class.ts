import { blocksRecording, type IdState, type RowProblem } from '../legacy-row/legacy-row';

/** What the registry said of a row (identity.events.v1 BulkVerificationCompleted, one record). */
export interface RegistryResult {
  result: 'matched' | 'mismatched' | 'not-found' | 'ambiguous' | 'invalid-id';
  personId?: string;
  /** Field by field, how the row differs from the registry: accents-only, edit-distance, day-month-swapped… */
  differences: { field: string; kind: string }[];
}

export const ROW_CLASSES = [
  'pending',
  'matched',
  'mismatched',
  'not-found',
  'ambiguous',
  'invalid-id',
  'rejected',
] as const;
export type RowClass = (typeof ROW_CLASSES)[number];

/**
 * A row's class: rows the import refused are classed without asking the registry; every other row by
 * the registry's result once it came — rows without a usable ID number too, which the registry
 * searches by name, birth date and place (ADR 14) and classes `invalid-id` when it links nobody.
 */
export function classifyRow(
  row: { status: 'accepted' | 'rejected'; idState: IdState },
  result?: RegistryResult,
): RowClass {
  if (row.status === 'rejected') return 'rejected';
  return result?.result ?? 'pending';
}

/** Rows the registry must see: every accepted row, with or without a usable ID number. */
export const isSentToRegistry = (row: { status: string; idState: IdState }) => row.status === 'accepted';

export const WORKLIST_REASONS = [
  'unusable-row',
  'missing-id',
  'malformed-id',
  'identity-mismatch',
  'not-in-registry',
  'ambiguous-identity',
  'dose-facts',
  'dose-refused',
] as const;
export type WorklistReason = (typeof WORKLIST_REASONS)[number];

/**
 * Why a row goes back to its site, or nothing when it needs no one: a match whose dose facts are
 * complete goes to the records instead. A match with broken dose facts waits for the site too.
 */
export function worklistReason(
  rowClass: RowClass,
  idState: IdState,
  problems: RowProblem[],
): WorklistReason | undefined {
  switch (rowClass) {
    case 'pending':
      return undefined;
    case 'rejected':
      return 'unusable-row';
    case 'invalid-id':
      return idState === 'missing' ? 'missing-id' : 'malformed-id';
    case 'mismatched':
      return 'identity-mismatch';
    case 'not-found':
      return 'not-in-registry';
    case 'ambiguous':
      return 'ambiguous-identity';
    case 'matched':
      return blocksRecording(problems) ? 'dose-facts' : undefined;
    default:
      return assertNever(rowClass);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
