/**
 * The whole calendar months inside an inclusive range of days, as [from, until) of first days of
 * months; null when no month lies wholly inside. Dates are ISO calendar dates (YYYY-MM-DD).
 */
export function wholeMonthsWithin(from: string, to: string): { from: string; until: string } | null {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const afterTo = nextDay(to);
  const until = afterTo.endsWith('-01') ? afterTo.slice(0, 7) : to.slice(0, 7);
  return first < until ? { from: `${first}-01`, until: `${until}-01` } : null;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
