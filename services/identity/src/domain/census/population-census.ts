import type { RegistryPerson } from '../matching/registry-person';

export interface PopulationCount {
  district: string;
  birthYear: number;
  people: number;
}

/** What the census records: counts only, no person, so coverage can be measured without personal data. */
export type PopulationCounted = { type: 'PopulationCounted'; data: { countedAt: string; counts: PopulationCount[] } };

export const CENSUS_STREAM = 'registry-census';

/**
 * The district a registry address lies in: the comma-separated part naming one of the province's
 * districts ('unknown' when none does, e.g. a person registered in another province).
 */
export function residenceDistrict(address: string | undefined, districts: ReadonlySet<string>): string {
  for (const part of (address ?? '').split(',')) {
    const name = part.trim().normalize('NFC');
    if (districts.has(name)) return name;
  }
  return 'unknown';
}

/** Counts people by district and birth year while they stream past (to the registry loader). */
export class PopulationTally {
  private readonly counts = new Map<string, number>();

  constructor(private readonly districts: ReadonlySet<string>) {}

  *count<T extends RegistryPerson>(people: Iterable<T>): Generator<T> {
    for (const p of people) yield this.add(p);
  }

  async *countAsync<T extends RegistryPerson>(people: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const p of people) yield this.add(p);
  }

  result(): PopulationCount[] {
    return [...this.counts].map(([key, people]) => {
      const [district, year] = key.split('|');
      return { district, birthYear: Number(year), people };
    });
  }

  private add<T extends RegistryPerson>(p: T): T {
    const key = `${residenceDistrict(p.address, this.districts)}|${p.dateOfBirth.slice(0, 4)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return p;
  }
}
