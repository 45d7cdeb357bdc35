import { SlaDeadlines } from './sla-deadlines';
import { type SlaPolicyDocument, checkSlaPolicyDocument, policyForProvince, timeLimitFor } from './sla-policy';
import { VIETNAM_OFFICE_HOURS, workingCalendar } from './working-calendar';

const document: SlaPolicyDocument = {
  national: {
    default: { amount: 48, unit: 'working-hours' },
    rules: [
      { level: 'province', within: { amount: 5, unit: 'working-days' } },
      { complaintType: 'certificate', within: { amount: 8, unit: 'working-hours' } },
      { complaintType: 'certificate', level: 'province', within: { amount: 1, unit: 'working-days' } },
    ],
    reminderBefore: { amount: 4, unit: 'working-hours' },
    citizenReplyWithin: { amount: 10, unit: 'working-days' },
    appealWithin: { amount: 30, unit: 'calendar-days' },
  },
  provinces: { '12': { rules: [{ level: 'site', within: { amount: 24, unit: 'working-hours' } }] } },
};
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

describe('the SLA policy', () => {
  const national = document.national;

  it('takes the most specific rule: type and level, then type, then level, then the default', () => {
    expect(timeLimitFor(national, 'certificate', 'province')).toEqual({ amount: 1, unit: 'working-days' });
    expect(timeLimitFor(national, 'certificate', 'site')).toEqual({ amount: 8, unit: 'working-hours' });
    expect(timeLimitFor(national, 'dose-details', 'province')).toEqual({ amount: 5, unit: 'working-days' });
    expect(timeLimitFor(national, 'dose-details', 'site')).toEqual({ amount: 48, unit: 'working-hours' });
  });

  it("lets a province override: Lai Châu's sites get 24 working hours, others keep the national limit", () => {
    expect(timeLimitFor(policyForProvince(document, '12'), 'missing-dose', 'site')).toEqual({
      amount: 24,
      unit: 'working-hours',
    });
    expect(timeLimitFor(policyForProvince(document, '01'), 'missing-dose', 'site').amount).toBe(48);
  });

  it('refuses a document with an unknown unit, level or a missing national setting, naming the field', () => {
    const broken = (over: object) => () =>
      checkSlaPolicyDocument({ ...document, national: { ...national, ...over } } as SlaPolicyDocument);
    expect(broken({ default: { amount: 2, unit: 'fortnights' } })).toThrow('national.default.unit');
    expect(broken({ rules: [{ level: 'ward', within: { amount: 1, unit: 'working-days' } }] })).toThrow(
      'national.rules[0].level "ward" is unknown',
    );
    expect(broken({ appealWithin: undefined })).toThrow('national.appealWithin is missing');
    expect(broken({ reminderBefore: { amount: 0, unit: 'working-hours' } })).toThrow('positive');
    expect(checkSlaPolicyDocument(document)).toBe(document);
  });
});

describe('SLA deadlines', () => {
  const deadlines = new SlaDeadlines(document.national, workingCalendar(VIETNAM_OFFICE_HOURS));

  it('gives a turn its due time and a reminder when four working hours are left', () => {
    expect(deadlines.forTurn(vn('2025-03-10 07:30'), 'certificate', 'site')).toEqual({
      dueAt: vn('2025-03-11 08:00').toISOString(),
      remindAt: vn('2025-03-10 11:30').toISOString(), // 3½ h that day and ½ h the next are left
    });
  });

  it('gives no reminder for a turn no longer than the reminder lead', () => {
    const short = new SlaDeadlines(
      { ...document.national, default: { amount: 3, unit: 'working-hours' } },
      workingCalendar(VIETNAM_OFFICE_HOURS),
    );
    expect(short.forTurn(vn('2025-03-10 07:30'), 'missing-dose', 'site').remindAt).toBeNull();
  });

  it('keeps the working time left when the clock pauses, and gives it back when it restarts', () => {
    const left = deadlines.remaining(vn('2025-03-10 10:00'), vn('2025-03-11 08:00'));
    expect(left).toBe(5.5 * 60);
    expect(deadlines.resumed(vn('2025-03-14 16:00'), left).dueAt).toBe(vn('2025-03-17 14:00').toISOString());
  });

  it('gives the citizen ten working days to reply and thirty days to appeal', () => {
    expect(deadlines.citizenReplyBy(vn('2025-03-10 10:00'))).toBe(vn('2025-03-24 17:00').toISOString());
    expect(deadlines.appealUntil(vn('2025-03-10 10:00'))).toBe(vn('2025-04-09 10:00').toISOString());
  });
});
