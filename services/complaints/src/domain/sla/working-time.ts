import { isoDate } from './vietnamese-public-holidays';
import { fromJulianDay } from './vietnamese-lunar-calendar';
import type { WorkingCalendar } from './working-calendar';

/** How long something may take: in working hours or days of a calendar, or in plain calendar days. */
export type DurationUnit = 'working-hours' | 'working-days' | 'calendar-days';
export interface PolicyDuration {
  amount: number;
  unit: DurationUnit;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const UNIX_EPOCH_JULIAN_DAY = 2440588;
/** No calendar has ten years without a working minute: beyond this the settings are broken. */
const MAX_DAYS_SCANNED = 3660;

/** The local date of a day counted from 1970-01-01. */
const localDate = (day: number): string => isoDate(fromJulianDay(day + UNIX_EPOCH_JULIAN_DAY));

interface Interval {
  start: number;
  end: number;
}

/** The working intervals (epoch ms) of each local day from the one holding `from`, in order. */
function* workingIntervals(from: number, calendar: WorkingCalendar): Generator<Interval> {
  const offset = calendar.utcOffsetMinutes * MINUTE;
  const firstDay = Math.floor((from + offset) / DAY);
  for (let day = firstDay; day < firstDay + MAX_DAYS_SCANNED; day++) {
    if (!calendar.isWorkingDay(localDate(day))) continue;
    const midnight = day * DAY - offset;
    for (const [start, end] of calendar.periods)
      yield { start: midnight + start * MINUTE, end: midnight + end * MINUTE };
  }
  throw new Error(`no working time within ${MAX_DAYS_SCANNED} days: check the working calendar settings`);
}

/** The instant at which `minutes` of working time have passed since `start`. */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkingCalendar): Date {
  if (minutes <= 0) return start;
  let left = minutes * MINUTE;
  for (const interval of workingIntervals(start.getTime(), calendar)) {
    const from = Math.max(interval.start, start.getTime());
    if (from >= interval.end) continue;
    if (left <= interval.end - from) return new Date(from + left);
    left -= interval.end - from;
  }
  throw new Error('unreachable: workingIntervals ends by throwing');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let total = 0;
  if (to <= from) return 0;
  for (const interval of workingIntervals(from.getTime(), calendar)) {
    if (interval.start >= to.getTime()) break;
    const overlap = Math.min(interval.end, to.getTime()) - Math.max(interval.start, from.getTime());
    if (overlap > 0) total += overlap;
  }
  return total / MINUTE;
}

/** The close of business of the n-th working day after the local day of `start`. */
function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  const offset = calendar.utcOffsetMinutes * MINUTE;
  const closing = calendar.periods[calendar.periods.length - 1][1] * MINUTE;
  let day = Math.floor((start.getTime() + offset) / DAY);
  for (let counted = 0, scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    day++;
    if (calendar.isWorkingDay(localDate(day)) && ++counted === days) return new Date(day * DAY - offset + closing);
  }
  throw new Error(`no ${days} working days within ${MAX_DAYS_SCANNED} days: check the working calendar settings`);
}

/** When something that takes `duration` from `start` is due. */
export function dueAt(start: Date, duration: PolicyDuration, calendar: WorkingCalendar): Date {
  switch (duration.unit) {
    case 'working-hours':
      return addWorkingMinutes(start, duration.amount * 60, calendar);
    case 'working-days':
      return duration.amount <= 0 ? start : addWorkingDays(start, duration.amount, calendar);
    case 'calendar-days':
      return new Date(start.getTime() + duration.amount * DAY);
    default:
      return assertNever(duration.unit);
  }
}

/** Working time left before a deadline, in minutes: what a paused clock keeps. */
export const remainingWorkingMinutes = (now: Date, due: Date, calendar: WorkingCalendar): number =>
  workingMinutesBetween(now, due, calendar);

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
