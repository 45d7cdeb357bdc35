import { type CertificationReference, CertificationError, DISEASE_COVID19 } from '../certification-reference';
import { givenDoses, type VaccinationStatus } from '../status/vaccination-status.policy';
import type { VaccinationFacts } from '../status/vaccination-facts';

/** Who a certificate is for, as the identity check confirmed it. Never the ID-card number. */
export interface Holder {
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
}

export interface VaccinationEntry {
  tg: string;
  vp: string;
  mp: string;
  ma: string;
  dn: number;
  sd: number;
  dt: string;
  co: string;
  is: string;
}

export interface RecoveryEntry {
  tg: string;
  fr: string;
  co: string;
  is: string;
  df: string;
  du: string;
}

/**
 * What a certificate states, before it gets an identifier and a signature. Two certificates with
 * equal content say the same thing: a change of content is what makes a new certificate necessary.
 */
export type CertificateContent =
  | {
      type: 'v';
      status: 'partially-vaccinated' | 'fully-vaccinated' | 'booster';
      holder: Holder;
      entry: VaccinationEntry;
    }
  | { type: 'r'; status: 'recovered'; holder: Holder; entry: RecoveryEntry };

/**
 * The certificate a status calls for, or none (not vaccinated). The last dose given is the one
 * certified; a booster is n/n after a series of two or more and n/1 after a one-dose series
 * (eHN guidance on booster encoding, 2021-11).
 */
export function certificateContentOf(
  status: VaccinationStatus,
  facts: VaccinationFacts,
  holder: Holder,
  ref: CertificationReference,
): CertificateContent | null {
  const common = { tg: DISEASE_COVID19, co: ref.issuer.country, is: ref.issuer.name };
  switch (status.status) {
    case 'not-vaccinated':
      return null;
    case 'recovered':
      return {
        type: 'r',
        status: 'recovered',
        holder,
        entry: { ...common, fr: status.positiveTestOn, df: status.validFrom, du: status.validUntil },
      };
    case 'partially-vaccinated':
    case 'fully-vaccinated':
    case 'booster': {
      const doses = givenDoses(facts);
      const last = doses[doses.length - 1];
      const vaccine = ref.catalogue.get(last.vaccineCode);
      if (!vaccine)
        throw new CertificationError('unknown-vaccine', `vaccine ${last.vaccineCode} is not in the catalogue`);
      const dn = doses.length;
      const required = status.dosesRequired;
      const sd = dn <= required ? required : required === 1 ? 1 : dn;
      return {
        type: 'v',
        status: status.status,
        holder,
        entry: {
          ...common,
          vp: vaccine.dcc.vp,
          mp: vaccine.dcc.mp,
          ma: vaccine.dcc.ma,
          dn,
          sd,
          dt: last.administeredOn,
        },
      };
    }
  }
}

/** Equal content: same holder, same status, same entry, field by field. */
export function sameContent(a: CertificateContent | null, b: CertificateContent | null): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}
