/** What injections.events.v1 told us about one person, folded. */
export interface DoseFact {
  doseNumber: number;
  vaccineCode: string;
  /** YYYY-MM-DD */
  administeredOn: string;
  voided: boolean;
}

export interface RecoveryFact {
  positiveTestOn: string;
  recoveredOn: string;
}

export interface VaccinationFacts {
  doses: DoseFact[];
  recoveries: RecoveryFact[];
}

export type InjectionFact =
  | { kind: 'dose-recorded'; doseNumber: number; vaccineCode: string; administeredOn: string }
  | { kind: 'dose-corrected'; doseNumber: number; vaccineCode: string; administeredOn: string }
  | { kind: 'dose-voided'; doseNumber: number }
  | { kind: 'recovery-recorded'; positiveTestOn: string; recoveredOn: string };

export const NO_FACTS: VaccinationFacts = { doses: [], recoveries: [] };

/** Applies one fact; a dose recorded twice (redelivered) stays one dose. */
export function withFact(facts: VaccinationFacts, fact: InjectionFact): VaccinationFacts {
  switch (fact.kind) {
    case 'dose-recorded': {
      const { doseNumber, vaccineCode, administeredOn } = fact;
      const others = facts.doses.filter((d) => d.doseNumber !== doseNumber);
      const doses = [...others, { doseNumber, vaccineCode, administeredOn, voided: false }];
      return { ...facts, doses: doses.sort((a, b) => a.doseNumber - b.doseNumber) };
    }
    case 'dose-corrected':
      return {
        ...facts,
        doses: facts.doses.map((d) =>
          d.doseNumber === fact.doseNumber && !d.voided
            ? { ...d, vaccineCode: fact.vaccineCode, administeredOn: fact.administeredOn }
            : d,
        ),
      };
    case 'dose-voided':
      return {
        ...facts,
        doses: facts.doses.map((d) => (d.doseNumber === fact.doseNumber ? { ...d, voided: true } : d)),
      };
    case 'recovery-recorded':
      return {
        ...facts,
        recoveries: [...facts.recoveries, { positiveTestOn: fact.positiveTestOn, recoveredOn: fact.recoveredOn }],
      };
    default:
      return assertNever(fact);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
