/** A vaccine of the catalogue (reference data, reference/vaccines.json). */
export interface Vaccine {
  code: string;
  name: string;
  primaryDoses: number;
  /** Minimum days between two doses of the primary series. */
  minIntervalDays: number;
}

export interface VaccinationSite {
  id: string;
  active: boolean;
  /** YYYY-MM-DD: no dose can be recorded before. */
  openedOn: string;
}
