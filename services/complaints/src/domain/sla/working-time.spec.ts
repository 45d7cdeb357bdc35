import { VIETNAM_OFFICE_HOURS, workingCalendar } from './working-calendar';
import { addWorkingMinutes, dueAt, remainingWorkingMinutes, workingMinutesBetween } from './working-time';

const calendar = workingCalendar(VIETNAM_OFFICE_HOURS);
/** A local time in Vietnam (UTC+7), e.g. vn('2025-03-07 15:00'). */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

describe('working time (Vietnamese office hours, UTC+7)', () => {
  it('carries a deadline over the weekend', () => {
    expect(dueAt(vn('2025-03-07 15:00'), { amount: 4, unit: 'working-hours' }, calendar)).toEqual(
      vn('2025-03-10 09:30'),
    );
  });

  it('carries a deadline over Tết and its compensatory day', () => {
    // Tết 2026: Monday 16/2 to Friday 20/2; work resumes on Monday 23/2.
    expect(dueAt(vn('2026-02-13 16:00'), { amount: 2, unit: 'working-hours' }, calendar)).toEqual(
      vn('2026-02-23 08:30'),
    );
    // Tết 2025: 28/1 to Saturday 1/2, compensated on Monday 3/2.
    expect(dueAt(vn('2025-01-27 16:30'), { amount: 1, unit: 'working-hours' }, calendar)).toEqual(
      vn('2025-02-04 08:00'),
    );
  });

  it('starts counting at the next working minute: before opening, at lunch, at night', () => {
    expect(addWorkingMinutes(vn('2025-03-10 06:00'), 60, calendar)).toEqual(vn('2025-03-10 08:30'));
    expect(addWorkingMinutes(vn('2025-03-10 12:00'), 60, calendar)).toEqual(vn('2025-03-10 14:30'));
    expect(addWorkingMinutes(vn('2025-03-10 11:00'), 60, calendar)).toEqual(vn('2025-03-10 14:00'));
    expect(addWorkingMinutes(vn('2025-03-10 22:00'), 30, calendar)).toEqual(vn('2025-03-11 08:00'));
  });

  it('ends a full working day at closing time, not at the next opening', () => {
    expect(addWorkingMinutes(vn('2025-03-10 07:30'), 450, calendar)).toEqual(vn('2025-03-10 17:00'));
  });

  it('gives 48 working hours as six and a half working days (the default time limit)', () => {
    expect(dueAt(vn('2025-03-10 07:30'), { amount: 48, unit: 'working-hours' }, calendar)).toEqual(
      vn('2025-03-18 10:30'),
    );
  });

  it('ends working days at the close of the n-th working day after the start', () => {
    expect(dueAt(vn('2025-03-10 10:00'), { amount: 2, unit: 'working-days' }, calendar)).toEqual(
      vn('2025-03-12 17:00'),
    );
    expect(dueAt(vn('2025-03-07 10:00'), { amount: 1, unit: 'working-days' }, calendar)).toEqual(
      vn('2025-03-10 17:00'),
    );
    expect(dueAt(vn('2025-04-29 09:00'), { amount: 1, unit: 'working-days' }, calendar)).toEqual(
      vn('2025-05-02 17:00'),
    );
  });

  it('counts calendar days as they come', () => {
    expect(dueAt(vn('2025-03-10 10:00'), { amount: 30, unit: 'calendar-days' }, calendar)).toEqual(
      vn('2025-04-09 10:00'),
    );
  });

  it('measures the working time between two instants, and what is left before a deadline', () => {
    expect(workingMinutesBetween(vn('2025-03-07 15:00'), vn('2025-03-10 09:30'), calendar)).toBe(240);
    expect(workingMinutesBetween(vn('2025-03-10 12:00'), vn('2025-03-10 13:00'), calendar)).toBe(0);
    expect(remainingWorkingMinutes(vn('2025-03-10 10:00'), vn('2025-03-10 09:00'), calendar)).toBe(0);
    expect(remainingWorkingMinutes(vn('2025-03-10 11:00'), vn('2025-03-10 14:00'), calendar)).toBe(60);
  });

  it('adds back exactly what it measured', () => {
    const start = vn('2025-01-24 10:17');
    const due = dueAt(start, { amount: 48, unit: 'working-hours' }, calendar);
    expect(workingMinutesBetween(start, due, calendar)).toBe(48 * 60);
  });

  it('stops with a clear error when the calendar has no working time at all', () => {
    const never = { ...calendar, isWorkingDay: () => false };
    expect(() => addWorkingMinutes(vn('2025-03-10 10:00'), 1, never)).toThrow('check the working calendar settings');
  });
});
