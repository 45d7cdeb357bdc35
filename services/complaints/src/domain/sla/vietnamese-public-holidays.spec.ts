import { compensatoryDays, statutoryHolidays, weekdayOf } from './vietnamese-public-holidays';
import { VIETNAM_OFFICE_HOURS, workingCalendar } from './working-calendar';

describe("Vietnam's public holidays", () => {
  it('computes the statutory days of 2025: New Year, five days of Tết, Hùng Kings, 30/4, 1/5, 2/9 and 1/9', () => {
    expect(statutoryHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
  });

  it('takes 3/9 with National Day when 2/9 is a Monday (2024)', () => {
    expect(statutoryHolidays(2024).filter((d) => d.startsWith('2024-09'))).toEqual(['2024-09-02', '2024-09-03']);
  });

  it('gives a compensatory day on the next working day for each holiday on a weekend', () => {
    expect(compensatoryDays(statutoryHolidays(2025), [0, 6])).toEqual(['2025-02-03']);
    // 2026: Hùng Kings' day is Sunday 26/4; the next days 27–29/4 are working days.
    expect(compensatoryDays(statutoryHolidays(2026), [0, 6])).toEqual(['2026-04-27']);
    // 2023: 1/1 a Sunday; Tết (21–25/1) holds a weekend; Hùng Kings 29/4 and 30/4 a weekend; 2/9 a Saturday.
    // Days off 29/4–3/5 and 1–4/9 are what 2023 actually had.
    expect(compensatoryDays(statutoryHolidays(2023), [0, 6])).toEqual([
      '2023-01-02',
      '2023-01-26',
      '2023-01-27',
      '2023-05-02',
      '2023-05-03',
      '2023-09-04',
    ]);
  });

  it('numbers weekdays from Sunday = 0', () => {
    expect(weekdayOf({ year: 2025, month: 1, day: 29 })).toBe(3);
    expect(weekdayOf({ year: 2026, month: 2, day: 17 })).toBe(2);
  });
});

describe('a working calendar', () => {
  const calendar = workingCalendar(VIETNAM_OFFICE_HOURS);

  it('rests on weekends, holidays and compensatory days, and works otherwise', () => {
    expect(calendar.isWorkingDay('2025-03-07')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-04-30')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(false); // compensation for Saturday 1/2
    expect(calendar.isWorkingDay('2026-02-20')).toBe(false); // Tết 2026, fourth day
  });

  it("follows the year's official decision over the computed default", () => {
    // As decided for 2025: Tết off 27–31/1 (a day earlier), no compensation on 3/2.
    const decided = workingCalendar({
      ...VIETNAM_OFFICE_HOURS,
      decisions: [{ year: 2025, daysOff: ['2025-01-27'], workingDays: ['2025-02-03'] }],
    });
    expect(decided.isWorkingDay('2025-01-27')).toBe(false);
    expect(decided.isWorkingDay('2025-02-03')).toBe(true);
    expect(decided.isWorkingDay('2026-02-16')).toBe(false); // other years untouched
  });

  it('refuses office hours that overlap or are not HH:MM', () => {
    const bad = (start: string, end: string) => () =>
      workingCalendar({
        ...VIETNAM_OFFICE_HOURS,
        workingPeriods: [
          { start: '07:30', end: '11:30' },
          { start, end },
        ],
      });
    expect(bad('11:00', '17:00')).toThrow('not overlapping');
    expect(bad('1:30', '17:00')).toThrow('"1:30" is not HH:MM');
  });
});
