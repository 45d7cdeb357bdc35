/**
 * The one reading of dates and instants that arrive from outside. `new Date()` and loose patterns
 * took `2021-02-30` (as 2 March), `-271821-04-20` and `2021-13-45`; statistics and reports then
 * failed deep inside with a 500, or answered about a day that does not exist.
 */

/** The years a date or instant of this platform can fall in: births since 1900, doses and reports to 2100. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

export type DateInput<T> = { ok: true; value: T } | { ok: false; reason: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Seconds and a fraction optional; an offset required, so no instant depends on the server's zone.
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const refused = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const outOfRange = () => refused(`must fall between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);

/** A calendar day, `YYYY-MM-DD`, that exists (no 30 February, no month 13), within the platform's years. */
export function parseCalendarDate(text: string): DateInput<string> {
  const parts = DATE.exec(text);
  if (!parts) return refused('must be a date YYYY-MM-DD');
  const [year, month, day] = parts.slice(1).map(Number);
  if (month < 1 || month > 12) return refused(`has no month ${parts[2]}`);
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > days) return refused(`is not a day of the calendar (${parts[2]} has ${days} days)`);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return outOfRange();
  return { ok: true, value: text };
}

/** An ISO 8601 instant with its offset (`2021-11-05T08:00:00Z`, `…+07:00`), on a real day and time. */
export function parseInstant(text: string): DateInput<Date> {
  const parts = INSTANT.exec(text);
  if (!parts) return refused('must be an ISO 8601 instant with its offset, e.g. 2021-11-05T08:00:00Z');
  const date = parseCalendarDate(parts[1]);
  if (!date.ok) return date;
  const [hour, minute, second = 0] = [parts[2], parts[3], parts[4]].map((p) => (p === undefined ? undefined : +p));
  if (hour! > 23 || minute! > 59 || second! > 59) return refused('is not a time of day');
  if (parts[6] !== undefined && (+parts[6] > 14 || +parts[7] > 59)) return refused('has no such UTC offset');
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return refused('is not an instant');
  const year = instant.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return outOfRange();
  return { ok: true, value: instant };
}

/** Whether `from` comes no later than `to` (dates compare as text; instants by time). */
export function isOrdered(from: string, to: string): boolean {
  if (DATE.test(from) && DATE.test(to)) return from <= to;
  return Date.parse(from) <= Date.parse(to);
}
