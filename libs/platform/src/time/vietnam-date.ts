/** Vietnam's offset from UTC: +7 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The calendar date in Vietnam, YYYY-MM-DD: "today" for every date rule. Shifting by the fixed
 * offset gives what Intl with Asia/Ho_Chi_Minh gives, without building a formatter on every call
 * (that was 1.7 % of the injections service's CPU while recording doses).
 */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
