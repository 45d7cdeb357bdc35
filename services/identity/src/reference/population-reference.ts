import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PopulationReference } from '../adapters/local-registry/synthetic-population';

const REFERENCE_DIR = __dirname;
const read = <T>(file: string): T => JSON.parse(readFileSync(join(REFERENCE_DIR, file), 'utf8')) as T;

/** The reference data files the generator draws from (replaceable without touching code). */
export function loadPopulationReference(): PopulationReference {
  const units = read<{ province: { birthRegistrationCode: string }; districts: PopulationReference['districts'] }>(
    'lai-chau-units.json',
  );
  return {
    namePools: read<{ groups: PopulationReference['namePools'] }>('name-pools.json').groups,
    districts: units.districts,
    provinceCodes: Object.keys(read<{ codes: Record<string, string> }>('province-codes.json').codes),
    homeProvinceCode: units.province.birthRegistrationCode,
  };
}

export function loadProvinceCodes(): ReadonlySet<string> {
  return new Set(Object.keys(read<{ codes: Record<string, string> }>('province-codes.json').codes));
}
