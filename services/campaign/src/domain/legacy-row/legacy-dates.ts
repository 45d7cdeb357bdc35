import type { CellValue } from './legacy-row';

export type DateReading = { date: string } | { problem: 'format' | 'notADate' | 'yearOnly' };

const pad = (n: number) => String(n).padStart(2, '0');
/** Spreadsheet day 0 (serial dates count days from 1899-12-30, Lotus's leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function calendarDate(year: number, month: number, day: number): DateReading {
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (year < 1000 || year > 9999 || !days || day < 1 || day > days) return { problem: 'notADate' };
  return { date: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * A date as old lists hold it: a spreadsheet date or serial number, `dd/mm/yyyy` (also with `-` or
 * `.`), `yyyy-mm-dd`, or `ddmmyyyy` as on the chip card. A bare year is its own answer (lists often
 * kept only the birth year), and a two-digit year is refused: 1921 and 2021 both fit.
 */
export function readLegacyDate(value: CellValue, order: 'dmy' | 'mdy'): DateReading | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'notADate' };
    return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1850 && value <= 2200) return { problem: 'yearOnly' };
    if (value < 1 || value > 100_000) return { problem: 'notADate' };
    const d = new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS);
    return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const text = value.trim();
  if (text === '') return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return calendarDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: [\d:]+)?$/.exec(text);
  if (m) return order === 'dmy' ? calendarDate(+m[3], +m[2], +m[1]) : calendarDate(+m[3], +m[1], +m[2]);
  if (/^\d{4}$/.test(text)) return { problem: 'yearOnly' };
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (m) return calendarDate(+m[3], +m[2], +m[1]);
  return { problem: 'format' };
}
