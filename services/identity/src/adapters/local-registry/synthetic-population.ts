import type { Gender } from '../../domain/identity-input/stated-person';
import type { RegistryPerson } from '../../domain/matching/registry-person';
import { SeededRandom } from './seeded-random';

export interface NamePool {
  group: string;
  share: number;
  families: string[];
  maleMiddles: string[];
  femaleMiddles: string[];
  maleGivens: string[];
  femaleGivens: string[];
}

export interface District {
  name: string;
  share: number;
  communes: string[];
}

export interface PopulationReference {
  namePools: NamePool[];
  districts: District[];
  provinceCodes: string[];
  homeProvinceCode: string;
}

export interface SyntheticPerson extends RegistryPerson {
  ethnicGroup: string;
  district: string;
  commune: string;
}

export interface PopulationOptions {
  size: number;
  seed: number;
  /** The day the population is "as of" (fixed, so the same seed gives the same ages everywhere). */
  asOf?: string;
  /** Share of people born before 2000 who still have an old 9-digit CMND on record. */
  oldIdShare?: number;
}

// Age bands (years) and their weight in a young, rural population.
const AGE_BANDS: [number, number, number][] = [
  [0, 5, 9],
  [5, 10, 9],
  [10, 15, 9],
  [15, 20, 8.5],
  [20, 25, 8],
  [25, 30, 8],
  [30, 35, 7.5],
  [35, 40, 7],
  [40, 45, 6.5],
  [45, 50, 6],
  [50, 55, 5.5],
  [55, 60, 4.5],
  [60, 65, 3.5],
  [65, 70, 3],
  [70, 80, 3.5],
  [80, 95, 1.5],
];

/**
 * A deterministic synthetic population of Lai Châu: realistic names per ethnic group, birth dates,
 * genders, valid CCCD numbers consistent with them (province of birth registration, gender-and-century
 * digit, year digits, unique serial), a share with old CMND numbers, addresses in the province's units.
 * A generator, so a million people never sit in memory at once (only the set of numbers issued).
 */
export function* syntheticPopulation(
  reference: PopulationReference,
  options: PopulationOptions,
): Generator<SyntheticPerson> {
  const random = new SeededRandom(options.seed);
  const asOf = new Date(`${options.asOf ?? '2021-11-01'}T00:00:00Z`);
  const issued = new Set<string>();
  const bands = AGE_BANDS.map(([from, to, share]) => ({ from, to, share }));
  for (let index = 0; index < options.size; index++) {
    const gender: Gender = random.next() < 0.5 ? 'male' : 'female';
    const pool = random.weighted(reference.namePools);
    const band = random.weighted(bands);
    const birth = new Date(
      asOf.getTime() - (band.from * 365.25 + random.next() * (band.to - band.from) * 365.25) * 86_400_000,
    );
    const dateOfBirth = birth.toISOString().slice(0, 10);
    const province = random.next() < 0.92 ? reference.homeProvinceCode : random.pick(reference.provinceCodes);
    const idNumber = uniqueNumber(issued, () => cccdNumber(province, gender, birth.getUTCFullYear(), random));
    const hasOldId = birth.getUTCFullYear() < 2000 && random.next() < (options.oldIdShare ?? 0.4);
    const district = random.weighted(reference.districts);
    const commune = random.pick(district.communes);
    yield {
      personId: `P${String(index + 1).padStart(9, '0')}`,
      idNumber,
      oldIdNumber: hasOldId ? uniqueNumber(issued, () => `04${random.digits(7)}`) : undefined,
      fullName: nameOf(pool, gender, random),
      dateOfBirth,
      gender,
      address: `Bản ${random.pick(VILLAGES)}, ${commune}, ${district.name}, Lai Châu`,
      phone: phoneOf(index),
      ethnicGroup: pool.group,
      district: district.name,
      commune,
    };
  }
}

const VILLAGES = [
  'Nà Khum',
  'Pa Pe',
  'Hua Pầu',
  'Tả Chải',
  'Sin Chải',
  'Lao Chải',
  'Nậm Đích',
  'Pú Đao',
  'Cư Nhà La',
  'Xì Phài',
  'Bản Lang',
  'Phiêng Pẳn',
];

function nameOf(pool: NamePool, gender: Gender, random: SeededRandom): string {
  const middle = random.pick(gender === 'male' ? pool.maleMiddles : pool.femaleMiddles);
  const given = random.pick(gender === 'male' ? pool.maleGivens : pool.femaleGivens);
  return `${random.pick(pool.families)} ${middle} ${given}`;
}

function cccdNumber(province: string, gender: Gender, year: number, random: SeededRandom): string {
  const centuryDigit = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  return `${province}${centuryDigit}${String(year % 100).padStart(2, '0')}${random.digits(6)}`;
}

function uniqueNumber(issued: Set<string>, draw: () => string): string {
  for (;;) {
    const candidate = draw();
    if (!issued.has(candidate)) {
      issued.add(candidate);
      return candidate;
    }
  }
}

const MOBILE_PREFIXES = ['032', '033', '035', '038', '039', '086', '096', '097', '098', '081', '088', '091', '094'];

/**
 * A Vietnamese mobile number for the n-th person, derived from n alone (not the seeded stream), so
 * adding phones changed no one's name, number or birth date. Unique: 13 prefixes × 10^7.
 */
function phoneOf(index: number): string {
  const scrambled = (index * 7_654_321 + 1_234_567) % 10_000_000; // a bijection on 0..10^7-1 (gcd = 1)
  return `${MOBILE_PREFIXES[Math.floor(index / 10_000_000) % MOBILE_PREFIXES.length]}${String(scrambled).padStart(7, '0')}`;
}
