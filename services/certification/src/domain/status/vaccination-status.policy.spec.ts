import { loadCertificationReference } from '../../reference/certification-reference.loader';
import { type InjectionFact, NO_FACTS, withFact } from './vaccination-facts';
import { vaccinationStatus } from './vaccination-status.policy';

const ref = loadCertificationReference();
const facts = (...list: InjectionFact[]) => list.reduce(withFact, NO_FACTS);
const dose = (doseNumber: number, vaccineCode: string, administeredOn: string): InjectionFact => ({
  kind: 'dose-recorded',
  doseNumber,
  vaccineCode,
  administeredOn,
});
const recovery = (positiveTestOn: string, recoveredOn: string): InjectionFact => ({
  kind: 'recovery-recorded',
  positiveTestOn,
  recoveredOn,
});

describe('vaccination status (policy as data)', () => {
  it('is not vaccinated without doses or a valid recovery', () => {
    expect(vaccinationStatus(NO_FACTS, ref, '2021-12-01')).toEqual({ status: 'not-vaccinated' });
  });

  it('is partially vaccinated (yellow) after one dose of a two-dose vaccine', () => {
    const s = vaccinationStatus(facts(dose(1, 'AZD1222', '2021-09-01')), ref, '2021-10-01');
    expect(s).toEqual({ status: 'partially-vaccinated', dosesGiven: 1, dosesRequired: 2, lastDoseOn: '2021-09-01' });
  });

  it('is fully vaccinated (green) when the first vaccine’s series is complete, even mixed', () => {
    const s = vaccinationStatus(
      facts(dose(1, 'AZD1222', '2021-09-01'), dose(2, 'COMIRNATY', '2021-10-01')),
      ref,
      '2021-11-01',
    );
    expect(s.status).toBe('fully-vaccinated');
  });

  it('follows each vaccine’s series: one dose of Janssen, three of Abdala', () => {
    expect(vaccinationStatus(facts(dose(1, 'JANSSEN', '2021-09-01')), ref, '2021-10-01').status).toBe(
      'fully-vaccinated',
    );
    const abdala = facts(dose(1, 'ABDALA', '2021-09-01'), dose(2, 'ABDALA', '2021-09-15'));
    expect(vaccinationStatus(abdala, ref, '2021-10-01').status).toBe('partially-vaccinated');
  });

  it('counts doses beyond the series as boosters', () => {
    const s = vaccinationStatus(
      facts(dose(1, 'VEROCELL', '2021-08-01'), dose(2, 'VEROCELL', '2021-08-22'), dose(3, 'COMIRNATY', '2021-12-20')),
      ref,
      '2022-01-01',
    );
    expect(s).toMatchObject({ status: 'booster', dosesGiven: 3, dosesRequired: 2 });
  });

  it('forgets voided doses and follows corrections', () => {
    const voided = facts(dose(1, 'AZD1222', '2021-09-01'), dose(2, 'AZD1222', '2021-10-01'), {
      kind: 'dose-voided',
      doseNumber: 2,
    });
    expect(vaccinationStatus(voided, ref, '2021-11-01').status).toBe('partially-vaccinated');
    const corrected = facts(dose(1, 'AZD1222', '2021-09-01'), {
      kind: 'dose-corrected',
      doseNumber: 1,
      vaccineCode: 'JANSSEN',
      administeredOn: '2021-09-02',
    });
    expect(vaccinationStatus(corrected, ref, '2021-11-01')).toMatchObject({
      status: 'fully-vaccinated',
      lastDoseOn: '2021-09-02',
    });
  });

  it('is recovered (green) within the window after a positive test, and no longer after it', () => {
    const f = facts(recovery('2021-10-01', '2021-10-15'));
    expect(vaccinationStatus(f, ref, '2021-12-01')).toEqual({
      status: 'recovered',
      positiveTestOn: '2021-10-01',
      validFrom: '2021-10-12',
      validUntil: '2022-03-30',
    });
    expect(vaccinationStatus(f, ref, '2022-03-31').status).toBe('not-vaccinated');
  });

  it('prefers recovered to partially vaccinated, and a complete series to recovered', () => {
    const partial = facts(dose(1, 'AZD1222', '2021-06-01'), recovery('2021-10-01', '2021-10-15'));
    expect(vaccinationStatus(partial, ref, '2021-11-01').status).toBe('recovered');
    const full = facts(recovery('2021-10-01', '2021-10-15'), dose(1, 'COMIRNATY', '2021-11-20'));
    expect(vaccinationStatus(full, ref, '2021-12-01')).toMatchObject({ status: 'fully-vaccinated', dosesRequired: 1 });
  });

  it('reads the rule from the policy: without recovery-as-dose, one dose after recovery is partial', () => {
    const strict = { ...ref, policy: { ...ref.policy, recoveryCountsAsDose: false, recoveryValidDays: 30 } };
    const f = facts(recovery('2021-10-01', '2021-10-15'), dose(1, 'COMIRNATY', '2021-11-20'));
    expect(vaccinationStatus(f, strict, '2021-12-01').status).toBe('partially-vaccinated');
  });

  it('refuses a vaccine the catalogue does not know', () => {
    expect(() => vaccinationStatus(facts(dose(1, 'UNKNOWN', '2021-09-01')), ref, '2021-10-01')).toThrow(/catalogue/);
  });
});
