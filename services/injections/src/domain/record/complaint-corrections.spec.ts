import { immunizationRecordDecider as decider } from './immunization-record.decider';
import { catalogue, staff } from './record.spec-fixtures';
import type { ApplyComplaintCorrection, CorrectDose, RecordDose, RecordEvent } from './record.messages';
import { deciderSpec } from '@vax/testing';

const { given } = deciderSpec(decider);

const site = { id: 'LC-TD-01', active: true, openedOn: '2021-06-01' };
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
// The district centre's staff accepted the complaint after escalation: not staff of the dose's site.
const districtStaff = { id: 'staff-90', role: 'site-staff', scope: 'district:Tam Đường' };
const correctLot: CorrectDose = {
  type: 'CorrectDose',
  personId: 'P1',
  doseNumber: 1,
  reason: 'Số lô ghi nhầm trên phiếu',
  after: { vaccineCode: 'AZD1222', lotNumber: 'ABV5812', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
  site,
  catalogue,
  correctedBy: districtStaff,
  today: '2021-11-20',
};
const fromComplaint = (change: ApplyComplaintCorrection['change'], commandId = 'cmd-1'): ApplyComplaintCorrection => ({
  type: 'ApplyComplaintCorrection',
  commandId,
  complaintId: 'c-1',
  personId: 'P1',
  change,
});

describe("corrections a complaint's handling asks for", () => {
  it('applies the correction with the complaint it answers, and notes the command as applied', () => {
    const events = given([dose1]).when(fromComplaint(correctLot));
    expect(events.map((e) => e.type)).toEqual(['DoseCorrected', 'CorrectionApplied']);
    expect(events[0].data).toMatchObject({ complaintId: 'c-1', after: { lotNumber: 'ABV5812' } });
  });

  it('changes nothing when the same command arrives again', () => {
    const first = given([dose1]).when(fromComplaint(correctLot));
    expect(given([dose1, ...first]).when(fromComplaint(correctLot))).toEqual([]);
  });

  it('records a refusal naming the broken rules instead of failing, so the complaint hears why', () => {
    const events = given([dose1]).when(fromComplaint({ ...correctLot, doseNumber: 3 }));
    expect(events).toEqual([
      {
        type: 'CorrectionRefused',
        data: {
          personId: 'P1',
          commandId: 'cmd-1',
          complaintId: 'c-1',
          problems: [expect.objectContaining({ field: 'doseNumber', rule: 'exists' })],
        },
      },
    ]);
    expect(given([dose1, ...events]).when(fromComplaint({ ...correctLot, doseNumber: 3 }))).toEqual([]);
  });

  it("adds a missing dose on the complaint's own identity check, however old, by whoever accepted it", () => {
    const missing: RecordDose = {
      type: 'RecordDose',
      doseId: 'cmd-2',
      personId: 'P1',
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV6001',
      administeredOn: '2021-11-10',
      siteId: 'LC-TD-01',
      verification: { verificationId: 'v-9', personId: 'P1', standing: 'verified', checkedAt: '2021-11-12T01:00:00Z' },
      site,
      catalogue,
      policy: { verificationFreshHours: 24, allowMixedSchedules: true, boosterMinIntervalDays: 90 },
      recordedBy: districtStaff,
      now: '2021-11-20T02:00:00Z',
      today: '2021-11-20',
    };
    const [recorded] = given([dose1]).when(fromComplaint(missing, 'cmd-2'));
    expect(recorded).toMatchObject({ type: 'DoseRecorded', data: { doseNumber: 2, complaintId: 'c-1' } });
  });

  it("applies a correction by the dose site's own staff the same way", () => {
    const desk = { ...correctLot, correctedBy: staff };
    expect(
      given([dose1])
        .when(fromComplaint(desk))
        .map((e) => e.type),
    ).toEqual(['DoseCorrected', 'CorrectionApplied']);
  });
});
