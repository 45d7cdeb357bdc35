import { immunizationRecordDecider as decider } from './immunization-record.decider';
import { brokenRules, catalogue, staff } from './record.spec-fixtures';
import type { RecordDose, RecordEvent } from './record.messages';
import { deciderSpec } from '@vax/testing';

const { given } = deciderSpec(decider);

const dose = (over: Partial<RecordDose> = {}): RecordDose => ({
  type: 'RecordDose',
  doseId: 'd-1',
  personId: 'P1',
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-11-05',
  siteId: 'LC-TD-01',
  verification: { verificationId: 'v-1', personId: 'P1', standing: 'verified', checkedAt: '2021-11-05T01:00:00Z' },
  site: { id: 'LC-TD-01', active: true, openedOn: '2021-06-01' },
  catalogue,
  policy: { verificationFreshHours: 24, allowMixedSchedules: true, boosterMinIntervalDays: 90 },
  recordedBy: staff,
  now: '2021-11-05T02:30:00Z',
  today: '2021-11-05',
  ...over,
});

const numberOf = (events: RecordEvent[]) => (events[0].data as { doseNumber: number }).doseNumber;

const firstDose = given().when(
  dose({
    administeredOn: '2021-10-01',
    doseId: 'd-0',
    now: '2021-10-01T02:00:00Z',
    today: '2021-10-01',
    verification: { verificationId: 'v-0', personId: 'P1', standing: 'verified', checkedAt: '2021-10-01T01:00:00Z' },
  }),
);
const rules = brokenRules;

describe("a person's immunization record", () => {
  it('records dose 1 on a fresh, positive identity check, numbering it itself', () => {
    expect(given([]).when(dose())).toEqual([
      {
        type: 'DoseRecorded',
        data: {
          doseId: 'd-1',
          personId: 'P1',
          doseNumber: 1,
          vaccineCode: 'AZD1222',
          lotNumber: 'ABV5811',
          administeredOn: '2021-11-05',
          siteId: 'LC-TD-01',
          verificationId: 'v-1',
          recordedBy: 'staff-17',
        },
      },
    ]);
  });

  it('records dose 2 after the minimum interval, and nothing when the same dose comes again', () => {
    expect(numberOf(given(firstDose).when(dose()))).toBe(2);
    const both = [...firstDose, ...given(firstDose).when(dose())];
    expect(given(both).when(dose())).toEqual([]);
  });

  it('blocks a dose without a known, positive, fresh verification of this person', () => {
    expect(rules(() => given([]).when(dose({ verification: undefined })))).toEqual(['verificationId:known']);
    expect(
      rules(() =>
        given([]).when(
          dose({
            verification: {
              verificationId: 'v',
              personId: 'P2',
              standing: 'verified',
              checkedAt: '2021-11-05T01:00:00Z',
            },
          }),
        ),
      ),
    ).toEqual(['verificationId:samePerson']);
    expect(
      rules(() =>
        given([]).when(
          dose({
            verification: {
              verificationId: 'v',
              personId: 'P1',
              standing: 'mismatched',
              checkedAt: '2021-11-05T01:00:00Z',
            },
          }),
        ),
      ),
    ).toEqual(['verificationId:positive']);
    expect(
      rules(() =>
        given([]).when(
          dose({
            verification: {
              verificationId: 'v',
              personId: 'P1',
              standing: 'verified',
              checkedAt: '2021-11-03T01:00:00Z',
            },
          }),
        ),
      ),
    ).toEqual(['verificationId:fresh']);
  });

  it('blocks a dose at an unknown or inactive site, or by staff of another site', () => {
    expect(rules(() => given([]).when(dose({ site: undefined })))).toEqual(['siteId:known']);
    expect(
      rules(() => given([]).when(dose({ site: { id: 'LC-TD-01', active: false, openedOn: '2021-06-01' } }))),
    ).toEqual(['siteId:active']);
    expect(rules(() => given([]).when(dose({ recordedBy: { ...staff, scope: 'site:LC-PT-01' } })))).toEqual([
      'siteId:staffOfSite',
    ]);
  });

  it('names every broken rule of the dose itself at once', () => {
    expect(
      rules(() => given([]).when(dose({ vaccineCode: 'COVAXIN', lotNumber: ' ', administeredOn: '2021-11-06' }))),
    ).toEqual(['vaccineCode:inCatalogue', 'lotNumber:required', 'administeredOn:notInFuture']);
    expect(rules(() => given([]).when(dose({ administeredOn: '2021-05-01' })))).toEqual([
      'administeredOn:afterSiteOpened',
    ]);
  });

  it('keeps the schedule: no dose before the previous one or inside the minimum interval', () => {
    expect(rules(() => given(firstDose).when(dose({ administeredOn: '2021-10-20' })))).toEqual([
      'administeredOn:minInterval',
    ]);
    expect(rules(() => given(firstDose).when(dose({ administeredOn: '2021-09-20' })))).toEqual([
      'administeredOn:afterPreviousDose',
    ]);
  });

  it('allows a mixed schedule by policy, and refuses it when the policy says so', () => {
    expect(numberOf(given(firstDose).when(dose({ vaccineCode: 'COMIRNATY' })))).toBe(2);
    const strict = { verificationFreshHours: 24, allowMixedSchedules: false, boosterMinIntervalDays: 90 };
    expect(rules(() => given(firstDose).when(dose({ vaccineCode: 'COMIRNATY', policy: strict })))).toEqual([
      'vaccineCode:sameAsSeries',
    ]);
  });

  it('spaces a booster after the primary series by the booster interval', () => {
    const two = [...firstDose, ...given(firstDose).when(dose({ administeredOn: '2021-11-05' }))];
    const booster = (on: string) =>
      dose({
        doseId: 'd-3',
        administeredOn: on,
        today: on,
        now: `${on}T02:30:00Z`,
        verification: { verificationId: 'v-3', personId: 'P1', standing: 'verified', checkedAt: `${on}T01:00:00Z` },
      });
    expect(rules(() => given(two).when(booster('2021-12-20')))).toEqual(['administeredOn:minInterval']);
    expect(numberOf(given(two).when(booster('2022-02-10')))).toBe(3);
  });
});
