import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VaccinationSite, Vaccine } from '../domain/catalogue/vaccine';

const read = <T>(file: string): T => JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as T;

export interface ReferenceData {
  catalogue: ReadonlyMap<string, Vaccine>;
  sites: ReadonlyMap<string, VaccinationSite & { name: string; kind: string; commune: string; district: string }>;
  boosterMinIntervalDays: number;
}

/** The vaccine catalogue and the sites, from this folder's JSON files (replace them, not the code). */
export function loadReferenceData(): ReferenceData {
  const vaccines = read<{ vaccines: Vaccine[]; boosterMinIntervalDays: number }>('vaccines.json');
  const sites = read<{
    sites: (VaccinationSite & { name: string; kind: string; commune: string; district: string })[];
  }>('sites.json');
  return {
    catalogue: new Map(vaccines.vaccines.map((v) => [v.code, v])),
    sites: new Map(sites.sites.map((s) => [s.id, s])),
    boosterMinIntervalDays: vaccines.boosterMinIntervalDays,
  };
}
