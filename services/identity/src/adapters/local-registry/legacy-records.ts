import type { BulkRecord } from '../../domain/bulk/bulk-matching';
import { foldName } from '../../domain/names/vietnamese-name';
import { SeededRandom } from './seeded-random';
import type { SyntheticPerson } from './synthetic-population';

/** The errors injected into old vaccination lists, each with the class a correct matcher must give. */
export const INJECTED_ERRORS = {
  none: 'matched',
  'no-accents': 'matched',
  transliteration: 'matched',
  'old-cmnd': 'matched',
  'name-typo': 'mismatched',
  'day-month-swapped': 'mismatched',
  'wrong-year': 'mismatched',
  'wrong-id-digit': 'mismatched',
  'missing-id': 'invalid-id',
  'not-in-registry': 'not-found',
} as const;
export type InjectedError = keyof typeof INJECTED_ERRORS;

const MIX: { error: InjectedError; share: number }[] = [
  { error: 'none', share: 0.68 },
  { error: 'no-accents', share: 0.08 },
  { error: 'transliteration', share: 0.03 },
  { error: 'old-cmnd', share: 0.03 },
  { error: 'name-typo', share: 0.03 },
  { error: 'day-month-swapped', share: 0.03 },
  { error: 'wrong-year', share: 0.02 },
  { error: 'wrong-id-digit', share: 0.04 },
  { error: 'missing-id', share: 0.03 },
  { error: 'not-in-registry', share: 0.03 },
];

export interface LegacyRecord extends BulkRecord {
  truth: { personId: string | null; error: InjectedError };
}

/**
 * Old vaccination-list records drawn from a population, with errors injected at known rates and
 * the truth kept aside (which person, which error), for accuracy and throughput benchmarks.
 */
export function* legacyRecords(people: SyntheticPerson[], count: number, seed: number): Generator<LegacyRecord> {
  const random = new SeededRandom(seed);
  for (let i = 0; i < count; i++) {
    const person = random.pick(people);
    let error = random.weighted(MIX).error;
    if (error === 'old-cmnd' && !person.oldIdNumber) error = 'none';
    if (error === 'day-month-swapped' && person.dateOfBirth.slice(5, 7) === person.dateOfBirth.slice(8, 10))
      error = 'none';
    const base: BulkRecord = {
      recordId: `L${i}`,
      idNumber: person.idNumber,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      gender: person.gender,
    };
    const record = inject(base, person, error, random);
    yield { ...record, truth: { personId: error === 'not-in-registry' ? null : person.personId, error } };
  }
}

function inject(r: BulkRecord, p: SyntheticPerson, error: InjectedError, random: SeededRandom): BulkRecord {
  const [y, m, d] = p.dateOfBirth.split('-');
  switch (error) {
    case 'none':
      return r;
    case 'no-accents':
      return { ...r, fullName: foldName(p.fullName) };
    case 'transliteration':
      return { ...r, fullName: p.fullName.replace(/y/g, 'i').replace(/^S/, 'X') };
    case 'old-cmnd':
      return { ...r, idNumber: p.oldIdNumber };
    case 'name-typo': {
      const at = 1 + random.int(p.fullName.length - 1);
      return { ...r, fullName: p.fullName.slice(0, at) + p.fullName.slice(at + 1) };
    }
    case 'day-month-swapped':
      return { ...r, dateOfBirth: Number(d) <= 12 ? `${y}-${d}-${m}` : `${Number(y) + 1}-${m}-${d}` };
    case 'wrong-year':
      return { ...r, dateOfBirth: `${Number(y) - 1 - random.int(3)}-${m}-${d}` };
    case 'wrong-id-digit': {
      const at = 6 + random.int(6);
      const digit = (Number(p.idNumber[at]) + 1 + random.int(8)) % 10;
      return { ...r, idNumber: `${p.idNumber.slice(0, at)}${digit}${p.idNumber.slice(at + 1)}` };
    }
    case 'missing-id':
      return { ...r, idNumber: random.next() < 0.5 ? '' : p.idNumber.slice(0, 8) };
    case 'not-in-registry':
      return {
        ...r,
        idNumber: `012${p.idNumber.slice(3, 6)}9${random.digits(5)}`,
        fullName: `${p.fullName.split(' ')[0]} Thị Nhặt`,
      };
  }
}
