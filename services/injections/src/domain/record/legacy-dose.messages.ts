import type { Actor } from '@vax/event-sourcing';
import type { VaccinationSite, Vaccine } from '../catalogue/vaccine';
import type { DoseDetails } from './dose-details';

/**
 * A dose from an old site list that the reconciliation campaign matched to this person in bulk
 * (campaign.events.v1 LegacyDoseMatched). Not a new injection at a desk: no fresh identity check,
 * no staff of the site; the registry's bulk match is the identity check, and the campaign id stays
 * on the record. Recorded once per client `doseId`.
 */
export interface ImportLegacyDose extends DoseDetails {
  type: 'ImportLegacyDose';
  doseId: string;
  personId: string;
  campaignId: string;
  /** The bulk batch whose result linked the row to this person. */
  verificationId: string;
  site: VaccinationSite | undefined;
  catalogue: ReadonlyMap<string, Vaccine>;
  recordedBy: Actor;
  today: string;
  /** The dose as the campaign's list has it (before a merged record redirected it). */
  listed: ListedDose;
}

/** The legacy dose is on the record: added now, or the same injection (vaccine and day) was already there. */
export type LegacyDoseImported = {
  type: 'LegacyDoseImported';
  data: {
    doseId: string;
    personId: string;
    campaignId: string;
    outcome: 'recorded' | 'already-on-record';
    doseNumber: number;
    existingDoseId?: string;
    /**
     * The dose as the campaign's list has it (its row's person, facts and bulk check): what a list
     * the campaign signs covers (campaign.events.v1 MatchedListAttested). Absent on events of before.
     */
    listed?: ListedDose;
  };
};

export interface ListedDose {
  personId: string;
  vaccineCode: string;
  lotNumber: string;
  administeredOn: string;
  siteId: string;
  verificationId: string;
}

/** The record's rules refused the legacy dose; the campaign sends it back to its site. */
export type LegacyDoseRefused = {
  type: 'LegacyDoseRefused';
  data: {
    doseId: string;
    personId: string;
    campaignId: string;
    problems: { field: string; rule: string; message: string }[];
  };
};
