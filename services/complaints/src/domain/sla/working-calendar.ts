import {
  type OfficialHolidayDecision,
  compensatoryDays,
  parseIsoDate,
  statutoryHolidays,
  weekdayOf,
} from './vietnamese-public-holidays';

/** How a province works: office hours, weekly rest days, holiday rules, and the year's official decisions. */
export interface WorkingCalendarSettings {
  /** Offset of local time from UTC; Asia/Ho_Chi_Minh is +420 all year (no daylight saving). */
  utcOffsetMinutes: number;
  /** Local office hours, e.g. [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }]. */
  workingPeriods: { start: string; end: string }[];
  /** 0 = Sunday … 6 = Saturday. */
  restWeekdays: number[];
  compensateWeekendHolidays: boolean;
  decisions: OfficialHolidayDecision[];
}

/** Local office hours as minutes after local midnight, [start, end), in order. */
export type WorkingPeriod = readonly [number, number];

export interface WorkingCalendar {
  readonly utcOffsetMinutes: number;
  readonly periods: readonly WorkingPeriod[];
  /** Whether a local date (YYYY-MM-DD) is a working day. */
  isWorkingDay(date: string): boolean;
}

const minutesOf = (hhmm: string): number => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new Error(`working period time "${hhmm}" is not HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
};

function periodsOf(settings: WorkingCalendarSettings): WorkingPeriod[] {
  const periods = settings.workingPeriods.map((p) => [minutesOf(p.start), minutesOf(p.end)] as const);
  periods.forEach(([start, end], i) => {
    if (end <= start || (i > 0 && start < periods[i - 1][1]))
      throw new Error('working periods must be non-empty, in order and not overlapping');
  });
  if (periods.length === 0) throw new Error('a working calendar needs at least one working period');
  return periods;
}

/** The days off of one year that are not weekly rest days: holidays, compensations, decided days off. */
function daysOffOf(year: number, settings: WorkingCalendarSettings): Set<string> {
  const holidays = statutoryHolidays(year);
  const compensations = settings.compensateWeekendHolidays ? compensatoryDays(holidays, settings.restWeekdays) : [];
  const decided = settings.decisions.filter((d) => d.year === year).flatMap((d) => d.daysOff);
  return new Set([...holidays, ...compensations, ...decided]);
}

/**
 * A working calendar built from settings. Pure: the same settings give the same answers; each
 * year's days off are computed once, on first use.
 */
export function workingCalendar(settings: WorkingCalendarSettings): WorkingCalendar {
  const periods = periodsOf(settings);
  const worked = new Set(settings.decisions.flatMap((d) => d.workingDays));
  const daysOffByYear = new Map<number, Set<string>>();
  const daysOff = (year: number) => {
    if (!daysOffByYear.has(year)) daysOffByYear.set(year, daysOffOf(year, settings));
    return daysOffByYear.get(year)!;
  };
  return {
    utcOffsetMinutes: settings.utcOffsetMinutes,
    periods,
    isWorkingDay(date) {
      if (worked.has(date)) return true;
      const solar = parseIsoDate(date);
      return !settings.restWeekdays.includes(weekdayOf(solar)) && !daysOff(solar.year).has(date);
    },
  };
}

/** Vietnam's public administration: Monday to Friday, 07:30–11:30 and 13:30–17:00, UTC+7. */
export const VIETNAM_OFFICE_HOURS: WorkingCalendarSettings = {
  utcOffsetMinutes: 420,
  workingPeriods: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  restWeekdays: [0, 6],
  compensateWeekendHolidays: true,
  decisions: [],
};
