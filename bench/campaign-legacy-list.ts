import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { INJECTED_ERRORS, legacyRecords } from '../services/identity/src/adapters/local-registry/legacy-records';
import { SeededRandom } from '../services/identity/src/adapters/local-registry/seeded-random';
import type { SyntheticPerson } from '../services/identity/src/adapters/local-registry/synthetic-population';
import { foldName } from '../services/identity/src/domain/names/vietnamese-name';
import sites from '../services/campaign/src/reference/sites.json';
import vaccines from '../services/campaign/src/reference/vaccines.json';

/** The classes a correct campaign gives, by code (the truth kept aside, indexed by row number). */
export const CLASSES = ['matched', 'mismatched', 'not-found', 'ambiguous', 'invalid-id'] as const;
export type TruthClass = (typeof CLASSES)[number];

export interface ListTruth {
  rows: number;
  /** Expected class code (index into CLASSES) per row number. */
  expected: Uint8Array;
  /** The registry person behind each row (number of P000…), -1 for people not in the registry. */
  person: Int32Array;
  /** The injection each row records: its own row number, or the original's for an injected duplicate. */
  injection: Int32Array;
  duplicates: number;
  /** Rows of a namesake (another person, same name and birth date) given the same injection the same day: never one person. */
  namesakes: number;
}

export const HEADER =
  'STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD/CMND,Tên vắc xin,Số lô,Ngày tiêm,Mũi tiêm,Cơ sở tiêm chủng';
export const MAPPING = {
  columns: {
    'Họ và tên': 'fullName',
    'Ngày sinh': 'dateOfBirth',
    'Giới tính': 'gender',
    'Số CCCD/CMND': 'idNumber',
    'Tên vắc xin': 'vaccine',
    'Số lô': 'lotNumber',
    'Ngày tiêm': 'administeredOn',
    'Mũi tiêm': 'doseNumber',
    'Cơ sở tiêm chủng': 'site',
  },
  dateOrder: 'dmy',
} as const;

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2021, 3, 1);
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Dose {
  day: number;
  vaccine: (typeof vaccines.vaccines)[number];
  lot: string;
  site: (typeof sites.sites)[number];
  number: number;
}

/**
 * A site list drawn from the synthetic population: identity fields with the errors of
 * identity's legacy-record generator (truth kept), each row a dose of that person (doses of one
 * person 28–56 days apart, as schedules are), and a share of rows entered twice — same injection,
 * often at another site, a date off by a few days or the name typed without accents — and, as traps,
 * namesakes (other people of the same name and birth date) vaccinated the same day at the same site.
 */
export async function writeLegacyList(
  path: string,
  people: SyntheticPerson[],
  count: number,
  seed: number,
  { duplicateShare = 0.02, namesakeShare = 0.5 } = {},
): Promise<ListTruth> {
  const random = new SeededRandom(seed + 1);
  const size = 3 * count + 2; // every record, and at most a duplicate and a namesake after each
  const namesakes = namesakesOf(people);
  const truth: ListTruth = {
    rows: 0,
    expected: new Uint8Array(size),
    person: new Int32Array(size),
    injection: new Int32Array(size),
    duplicates: 0,
    namesakes: 0,
  };
  const doses = new Map<string, Dose>();
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (line: string) => void (!out.write(line) && (await once(out, 'drain')));
  await write(`${HEADER}\n`);
  let row = 1;
  for (const r of legacyRecords(people, count, seed)) {
    const key = r.truth.personId ?? `x${r.idNumber}`;
    const previous = doses.get(key);
    const dose: Dose = previous
      ? {
          ...previous,
          day: previous.day + (28 + random.int(29)) * DAY,
          number: previous.number + 1,
          site: random.pick(sites.sites),
        }
      : {
          day: FIRST_DAY + random.int(200) * DAY,
          vaccine: random.pick(vaccines.vaccines),
          lot: `L${random.digits(5)}`,
          site: random.pick(sites.sites),
          number: 1,
        };
    doses.set(key, dose);
    const expected = CLASSES.indexOf(INJECTED_ERRORS[r.truth.error] as TruthClass);
    const person = r.truth.personId ? Number(r.truth.personId.slice(1)) : -1;
    const original = ++row;
    record(truth, original, expected, person, original);
    await write(line(original, r, dose, random));
    if (random.next() < duplicateShare) {
      const copy = {
        ...dose,
        day: dose.day + (random.next() < 0.75 ? 0 : (1 + random.int(3)) * DAY),
        site: random.next() < 0.5 ? random.pick(sites.sites) : dose.site,
      };
      const name = random.next() < 0.3 ? foldName(r.fullName) : r.fullName;
      record(truth, ++row, expected, person, original);
      truth.duplicates++;
      await write(line(row, { ...r, fullName: name }, copy, random));
    }
    const namesake = r.truth.personId ? namesakes.get(r.truth.personId) : undefined;
    // Only a namesake not yet vaccinated in the list: the trap dose becomes their first, and their later
    // rows follow it by a real schedule (a person with two doses a week apart is a duplicate, rightly flagged).
    if (namesake && !doses.has(namesake.personId) && random.next() < namesakeShare) {
      doses.set(namesake.personId, { ...dose, number: 1 });
      record(truth, ++row, CLASSES.indexOf('matched'), Number(namesake.personId.slice(1)), row);
      truth.namesakes++;
      await write(line(row, namesake, { ...dose, number: 1 }, random));
    }
  }
  truth.rows = row;
  out.end();
  await once(out, 'finish');
  return truth;
}

/** For each person who has one, another person of the same folded name and birth date. */
function namesakesOf(people: SyntheticPerson[]): Map<string, SyntheticPerson> {
  const byKey = new Map<string, SyntheticPerson>();
  const namesakes = new Map<string, SyntheticPerson>();
  for (const p of people) {
    const key = `${foldName(p.fullName)}|${p.dateOfBirth}`;
    const other = byKey.get(key);
    if (other) {
      namesakes.set(p.personId, other);
      namesakes.set(other.personId, p);
    } else byKey.set(key, p);
  }
  return namesakes;
}

function record(truth: ListTruth, row: number, expected: number, person: number, injection: number) {
  truth.expected[row] = expected;
  truth.person[row] = person;
  truth.injection[row] = injection;
}

function line(
  row: number,
  r: { fullName: string; dateOfBirth?: string; gender?: string; idNumber?: string },
  dose: Dose,
  random: SeededRandom,
): string {
  const site = random.next() < 0.5 ? dose.site.name : dose.site.id;
  return (
    [
      row - 1,
      r.fullName,
      r.dateOfBirth ? dmy(r.dateOfBirth) : '',
      r.gender === 'female' ? 'Nữ' : r.gender === 'male' ? 'Nam' : '',
      r.idNumber ?? '',
      random.pick(dose.vaccine.aliases),
      random.next() < 0.1 ? dose.lot.toLowerCase() : dose.lot,
      dmy(isoOf(dose.day)),
      `Mũi ${dose.number}`,
      site,
    ].join(',') + '\n'
  );
}
