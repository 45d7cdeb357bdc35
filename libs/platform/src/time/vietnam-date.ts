/** The calendar date in Vietnam (UTC+7, no daylight saving), YYYY-MM-DD: "today" for every date rule. */
export function vietnamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
