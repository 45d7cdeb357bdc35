import { type SolarDate, fromJulianDay, fromLunar, julianDay, tetDay } from './vietnamese-lunar-calendar';

/**
 * Vietnam's public holidays (Labour Code 2019, art. 112), computed for any year: New Year 1/1;
 * Tết, five days (the last day of the lunar year and the first four of the new one, the usual
 * government decision); Hùng Kings' day (10/3 lunar); 30/4; 1/5; National Day 2/9 and one day next
 * to it. The government fixes the exact days each year (swaps, bridge days): those decisions come as
 * data (`OfficialHolidayDecision`) and override what is computed here.
 */

/** A government decision for one year: extra days off, and days worked (swapped or cancelled). */
export interface OfficialHolidayDecision {
  year: number;
  /** YYYY-MM-DD */
  daysOff: string[];
  /** Days that are working days whatever the computed calendar says (e.g. a Saturday worked in exchange). */
  workingDays: string[];
  /** Where it was published, e.g. "Thông báo 6150/TB-LĐTBXH". */
  reference?: string;
}

export const isoDate = ({ year, month, day }: SolarDate): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export const parseIsoDate = (date: string): SolarDate => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: SolarDate): number => (julianDay(date) + 1) % 7;

const shift = (date: SolarDate, days: number): SolarDate => fromJulianDay(julianDay(date) + days);

/** National Day's second day: 1/9, unless 2/9 is a Monday, when 3/9 makes the long weekend. */
function nationalDayAdjacent(year: number): SolarDate {
  const nationalDay = { year, month: 9, day: 2 };
  return weekdayOf(nationalDay) === 1 ? shift(nationalDay, 1) : shift(nationalDay, -1);
}

/** The statutory holidays of a Gregorian year, in date order, before any compensation or decision. */
export function statutoryHolidays(year: number): string[] {
  const tet = tetDay(year);
  const hungKings = fromLunar({ year, month: 3, day: 10, leap: false })!;
  const days: SolarDate[] = [
    { year, month: 1, day: 1 },
    ...[-1, 0, 1, 2, 3].map((offset) => shift(tet, offset)),
    hungKings,
    { year, month: 4, day: 30 },
    { year, month: 5, day: 1 },
    { year, month: 9, day: 2 },
    nationalDayAdjacent(year),
  ];
  return days.map(isoDate).sort();
}

/**
 * A holiday that falls on a weekly rest day gives a compensatory day off on the next working day
 * (Labour Code 2019, art. 111(3)); several such holidays give as many following days.
 */
export function compensatoryDays(holidays: readonly string[], restWeekdays: readonly number[]): string[] {
  const taken = new Set(holidays);
  const isRest = (d: SolarDate) => restWeekdays.includes(weekdayOf(d));
  const compensations: string[] = [];
  for (const holiday of holidays) {
    const date = parseIsoDate(holiday);
    if (!isRest(date)) continue;
    let next = shift(date, 1);
    while (isRest(next) || taken.has(isoDate(next))) next = shift(next, 1);
    taken.add(isoDate(next));
    compensations.push(isoDate(next));
  }
  return compensations;
}
