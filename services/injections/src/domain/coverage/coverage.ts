/** Age groups as the vaccination campaign reported them (age reached during the year measured). */
export const AGE_GROUPS = ['0-4', '5-11', '12-17', '18-49', '50-64', '65+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroupOf(birthYear: number, year: number): AgeGroup {
  const age = year - birthYear;
  if (age < 5) return '0-4';
  if (age < 12) return '5-11';
  if (age < 18) return '12-17';
  if (age < 50) return '18-49';
  if (age < 65) return '50-64';
  return '65+';
}

export interface VaccinatedCount {
  district: string;
  birthYear: number;
  atLeastOneDose: number;
  primarySeries: number;
  booster: number;
}

export interface CoverageRow {
  district: string;
  ageGroup: AgeGroup;
  population: number;
  atLeastOneDose: number;
  primarySeries: number;
  booster: number;
  /** Shares of the population, 0..1 (null without a population to divide by). */
  oneDoseShare: number | null;
  primarySeriesShare: number | null;
}

/**
 * Vaccinated people against the registry's population, by district and age group. People the
 * registry places outside the province count under their own district ('unknown'), never lost.
 */
export function coverage(
  population: { district: string; birthYear: number; people: number }[],
  vaccinated: VaccinatedCount[],
  year: number,
): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  const row = (district: string, birthYear: number) => {
    const ageGroup = ageGroupOf(birthYear, year);
    const key = `${district}|${ageGroup}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        district,
        ageGroup,
        population: 0,
        atLeastOneDose: 0,
        primarySeries: 0,
        booster: 0,
        oneDoseShare: null,
        primarySeriesShare: null,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const p of population) row(p.district, p.birthYear).population += p.people;
  for (const v of vaccinated) {
    const r = row(v.district, v.birthYear);
    r.atLeastOneDose += v.atLeastOneDose;
    r.primarySeries += v.primarySeries;
    r.booster += v.booster;
  }
  return [...rows.values()]
    .map((r) => ({
      ...r,
      oneDoseShare: r.population ? r.atLeastOneDose / r.population : null,
      primarySeriesShare: r.population ? r.primarySeries / r.population : null,
    }))
    .sort(
      (a, b) =>
        a.district.localeCompare(b.district, 'vi') || AGE_GROUPS.indexOf(a.ageGroup) - AGE_GROUPS.indexOf(b.ageGroup),
    );
}
