import type { FieldLevels } from '../linkage/linkage-fields';
import type { FieldDifference } from '../matching/person-matcher';
import { foldName, levenshtein } from '../names/vietnamese-name';
import type { PreparedRecord } from './bulk-record';

/** A linked record's differences from its person, in the words of identity.events.v1 (fields that agree are not listed). */
export function differencesOf(
  levels: FieldLevels,
  prepared: PreparedRecord,
  person: { fullName: string; dateOfBirth: string },
): FieldDifference[] {
  const differences: FieldDifference[] = [];
  if (levels.idNumber === 'missing') differences.push({ field: 'idNumber', kind: 'missing' });
  if (levels.idNumber === 'old-id') differences.push({ field: 'idNumber', kind: 'old-id-number' });
  if (levels.idNumber === 'one-edit') differences.push({ field: 'idNumber', kind: 'edit-distance', distance: 1 });
  if (levels.idNumber === 'different') differences.push({ field: 'idNumber', kind: 'different' });
  const name = NAME_KINDS[levels.fullName];
  if (levels.fullName === 'typo') {
    const distance = levenshtein(foldName(prepared.fullName), foldName(person.fullName));
    differences.push({ field: 'fullName', kind: 'edit-distance', distance });
  } else if (name) differences.push({ field: 'fullName', ...name });
  const birth = prepared.invalidDateOfBirth ? 'different' : birthKind(levels, prepared.dateOfBirth, person.dateOfBirth);
  if (birth) differences.push({ field: 'dateOfBirth', kind: birth });
  if (levels.gender === 'different') differences.push({ field: 'gender', kind: 'different' });
  return differences;
}

const NAME_KINDS: Record<FieldLevels['fullName'], Omit<FieldDifference, 'field'> | undefined> = {
  exact: undefined,
  'accents-only': { kind: 'accents-only' },
  transliteration: { kind: 'transliteration' },
  typo: undefined, // with its distance, above
  // identity.events.v1 has no words for these (a published contract never changes): the site sees
  // "different" and the review evidence (levels) keeps the exact kind.
  reordered: { kind: 'different' },
  'syllables-omitted': { kind: 'different' },
  different: { kind: 'different' },
};

/** 'year-only': only the year differs (a typed year); a date of which only the year agrees is 'different'. */
function birthKind(
  levels: FieldLevels,
  stated: string | undefined,
  registry: string,
): FieldDifference['kind'] | undefined {
  switch (levels.dateOfBirth) {
    case 'exact':
    case 'missing':
      return undefined;
    case 'day-month-swapped':
      return levels.dateOfBirth;
    case 'same-year':
      return 'different';
    case 'different':
      return stated?.slice(5) === registry.slice(5) ? 'year-only' : 'different';
    default:
      return levels.dateOfBirth satisfies never;
  }
}
