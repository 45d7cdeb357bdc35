/** What a dose is: vaccine, lot, day and site (its number is the record's). */
export interface DoseDetails {
  vaccineCode: string;
  lotNumber: string;
  /** YYYY-MM-DD */
  administeredOn: string;
  siteId: string;
}
