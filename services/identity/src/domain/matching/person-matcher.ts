import type { StatedPerson } from '../identity-input/stated-person';
import { compareNames } from '../names/vietnamese-name';
import type { RegistryPerson } from './registry-person';

export type DifferenceKind =
  | 'accents-only'
  | 'transliteration'
  | 'edit-distance'
  | 'day-month-swapped'
  | 'year-only'
  | 'old-id-number'
  | 'different'
  // Record linkage (bulk): a row linked without its number.
  | 'missing';

export type MatchedField = 'idNumber' | 'fullName' | 'dateOfBirth' | 'gender';

/** How one stated field differs from the registry; fields that agree exactly are not listed. */
export interface FieldDifference {
  field: MatchedField;
  kind: DifferenceKind;
  /** For edit-distance: how many letters or digits. */
  distance?: number;
}

/**
 * Compares what a person stated with the registry's record, field by field, explaining each
 * difference. Only fields that were stated are compared.
 */
export function compareWithRegistry(stated: StatedPerson, registry: RegistryPerson): FieldDifference[] {
  const differences: FieldDifference[] = [];
  if (stated.idNumber !== registry.idNumber) {
    differences.push(
      stated.idNumber === registry.oldIdNumber
        ? { field: 'idNumber', kind: 'old-id-number' }
        : { field: 'idNumber', kind: 'different' },
    );
  }
  if (stated.fullName !== undefined) {
    const name = compareNames(stated.fullName, registry.fullName);
    if (name.kind !== 'exact') differences.push({ field: 'fullName', ...name });
  }
  if (stated.dateOfBirth !== undefined && stated.dateOfBirth !== registry.dateOfBirth) {
    differences.push({ field: 'dateOfBirth', kind: compareDates(stated.dateOfBirth, registry.dateOfBirth) });
  }
  if (stated.gender !== undefined && stated.gender !== registry.gender) {
    differences.push({ field: 'gender', kind: 'different' });
  }
  return differences;
}

function compareDates(stated: string, registry: string): DifferenceKind {
  const [sy, sm, sd] = stated.split('-');
  const [ry, rm, rd] = registry.split('-');
  if (sy === ry && sm === rd && sd === rm) return 'day-month-swapped';
  if (sm === rm && sd === rd) return 'year-only';
  return 'different';
}

/**
 * Which differences still count as the same person, confirmed: typing without diacritics and the
 * usual transliterations of minority names, and an old CMND stated where the registry now holds the
 * CCCD. Data, so a province can tighten it.
 */
export interface MatchPolicy {
  tolerated: ReadonlyArray<`${MatchedField}:${DifferenceKind}`>;
}

export const DEFAULT_MATCH_POLICY: MatchPolicy = {
  tolerated: ['fullName:accents-only', 'fullName:transliteration', 'idNumber:old-id-number'],
};

export function isTolerated(difference: FieldDifference, policy: MatchPolicy): boolean {
  return policy.tolerated.includes(`${difference.field}:${difference.kind}`);
}
