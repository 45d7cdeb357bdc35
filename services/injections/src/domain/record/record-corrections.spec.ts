import { immunizationRecordDecider as decider } from './immunization-record.decider';
import { brokenRules, catalogue, staff } from './record.spec-fixtures';
import type { CorrectDose, RecordEvent, RecordRecovery } from './record.messages';
import { deciderSpec } from '@vax/testing';

const { given, stateOf } = deciderSpec(decider);

const dose1: RecordEvent = {
  type: 'DoseRecorded',
  data: {
    doseId: 'd-1',
    personId: 'P1',
    doseNumber: 1,
    vaccineCode: 'AZD1222',
    lotNumber: 'ABV5811',
    administeredOn: '2021-10-01',
    siteId: 'LC-TD-01',
    verificationId: 'v-1',
    recordedBy: 'staff-17',
  },
};
const site = { id: 'LC-TD-01', active: true, openedOn: '2021-06-01' };
const correct = (over: Partial<CorrectDose> = {}): CorrectDose => ({
  type: 'CorrectDose',
  personId: 'P1',
  doseNumber: 1,
  reason: 'Số lô ghi nhầm trên phiếu',
  complaintId: 'c-1',
  after: { vaccineCode: 'AZD1222', lotNumber: 'ABV5812', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
  site,
  catalogue,
  correctedBy: staff,
  today: '2021-11-05',
  ...over,
});
const rules = brokenRules;

describe('corrections, voids and recovered patients on a record', () => {
  it('corrects a dose, keeping what it was before, the reason and the complaint it answers', () => {
    const [event] = given([dose1]).when(correct());
    expect(event).toEqual({
      type: 'DoseCorrected',
      data: {
        personId: 'P1',
        doseNumber: 1,
        reason: 'Số lô ghi nhầm trên phiếu',
        complaintId: 'c-1',
        correctedBy: 'staff-17',
        before: { vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
        after: { vaccineCode: 'AZD1222', lotNumber: 'ABV5812', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
      },
    });
    expect(stateOf([dose1, event]).doses[0]).toMatchObject({ lotNumber: 'ABV5812', voided: false });
  });

  it('refuses a correction without a reason, that changes nothing, or of a dose not on the record', () => {
    expect(rules(() => given([dose1]).when(correct({ reason: 'sai' })))).toEqual(['reason:minLength']);
    expect(rules(() => given([dose1]).when(correct({ after: { ...correct().after, lotNumber: 'ABV5811' } })))).toEqual([
      'after:changes',
    ]);
    expect(rules(() => given([dose1]).when(correct({ doseNumber: 2 })))).toEqual(['doseNumber:exists']);
    expect(
      rules(() =>
        given([dose1]).when(correct({ after: { ...correct().after, vaccineCode: 'X', administeredOn: '2022-01-01' } })),
      ),
    ).toEqual(['vaccineCode:inCatalogue', 'administeredOn:notInFuture']);
  });

  it('voids a dose that was never given; it stays on record, and the next dose takes its number', () => {
    const voided = given([dose1]).when({
      type: 'VoidDose',
      personId: 'P1',
      doseNumber: 1,
      reason: 'Nhập trùng hai lần cho cùng một người',
      voidedBy: staff,
    });
    const state = stateOf([dose1, ...voided]);
    expect(state.doses).toEqual([expect.objectContaining({ doseNumber: 1, voided: true })]);
    expect(
      rules(() =>
        given([dose1, ...voided]).when({
          type: 'VoidDose',
          personId: 'P1',
          doseNumber: 1,
          reason: 'Nhập trùng hai lần',
          voidedBy: staff,
        }),
      ),
    ).toEqual(['doseNumber:exists']);
  });

  it('records a recovered patient entered by their commune health station', () => {
    const recovery: RecordRecovery = {
      type: 'RecordRecovery',
      personId: 'P1',
      positiveTestOn: '2021-10-10',
      recoveredOn: '2021-10-24',
      evidenceReference: 'GRV-123/TYT',
      station: { ...site, kind: 'commune-station' },
      stationId: 'LC-TD-01',
      recordedBy: staff,
      today: '2021-11-05',
    };
    expect(given([]).when(recovery)).toEqual([
      {
        type: 'RecoveryRecorded',
        data: {
          personId: 'P1',
          positiveTestOn: '2021-10-10',
          recoveredOn: '2021-10-24',
          evidenceReference: 'GRV-123/TYT',
          stationId: 'LC-TD-01',
          recordedBy: 'staff-17',
        },
      },
    ]);
    expect(rules(() => given([]).when({ ...recovery, station: { ...site, kind: 'fixed' } }))).toEqual([
      'stationId:communeStation',
    ]);
    expect(rules(() => given([]).when({ ...recovery, recoveredOn: '2021-10-01', evidenceReference: ' ' }))).toEqual([
      'recoveredOn:afterPositiveTest',
      'evidenceReference:required',
    ]);
  });
});
