import { type CertificationReference, CertificationError } from '../certification-reference';
import { addDays } from './calendar';
import type { DoseFact, RecoveryFact, VaccinationFacts } from './vaccination-facts';

/**
 * A person's domestic status (2021 practice): yellow while partially vaccinated, green when fully
 * vaccinated, after a booster, or within the validity window of a recovery (F0).
 */
export type VaccinationStatus =
  | { status: 'not-vaccinated' }
  | { status: 'partially-vaccinated'; dosesGiven: number; dosesRequired: number; lastDoseOn: string }
  | { status: 'fully-vaccinated'; dosesGiven: number; dosesRequired: number; lastDoseOn: string }
  | { status: 'booster'; dosesGiven: number; dosesRequired: number; lastDoseOn: string }
  | { status: 'recovered'; positiveTestOn: string; validFrom: string; validUntil: string };

export type StatusName = VaccinationStatus['status'];

export const givenDoses = (facts: VaccinationFacts): DoseFact[] => facts.doses.filter((d) => !d.voided);

/**
 * How many doses complete the primary series: the first vaccine's schedule (mixed schedules follow
 * the vaccine they started with), or one when the person had recovered before the first dose and
 * the policy counts a recovery as a dose.
 */
export function dosesRequired(facts: VaccinationFacts, ref: CertificationReference): number {
  const [first] = givenDoses(facts);
  if (!first) return 0;
  const vaccine = ref.catalogue.get(first.vaccineCode);
  if (!vaccine) throw new CertificationError('unknown-vaccine', `vaccine ${first.vaccineCode} is not in the catalogue`);
  const recoveredBefore = facts.recoveries.some((r) => r.positiveTestOn < first.administeredOn);
  return ref.policy.recoveryCountsAsDose && recoveredBefore ? 1 : vaccine.primaryDoses;
}

/** The latest recovery whose window includes `today`, with the window. */
export function validRecovery(facts: VaccinationFacts, ref: CertificationReference, today: string) {
  const windows = facts.recoveries
    .map((r: RecoveryFact) => ({
      positiveTestOn: r.positiveTestOn,
      validFrom: addDays(r.positiveTestOn, ref.policy.recoveryValidFromDays),
      validUntil: addDays(r.positiveTestOn, ref.policy.recoveryValidDays),
    }))
    .filter((w) => w.positiveTestOn <= today && today <= w.validUntil)
    .sort((a, b) => b.positiveTestOn.localeCompare(a.positiveTestOn));
  return windows[0];
}

/** The status recomputed from every fact, on a given day (the recovery window depends on it). */
export function vaccinationStatus(
  facts: VaccinationFacts,
  ref: CertificationReference,
  today: string,
): VaccinationStatus {
  const doses = givenDoses(facts);
  const required = dosesRequired(facts, ref);
  const recovery = validRecovery(facts, ref, today);
  const lastDoseOn = doses.reduce((latest, d) => (d.administeredOn > latest ? d.administeredOn : latest), '');
  const counts = { dosesGiven: doses.length, dosesRequired: required, lastDoseOn };
  if (doses.length > 0 && doses.length > required) return { status: 'booster', ...counts };
  if (doses.length > 0 && doses.length === required) return { status: 'fully-vaccinated', ...counts };
  if (recovery) return { status: 'recovered', ...recovery };
  if (doses.length > 0) return { status: 'partially-vaccinated', ...counts };
  return { status: 'not-vaccinated' };
}
