import type { SiteDirectory } from '../legacy-row/reference-directories';

/** The counters managers follow, per site as the database counts them. */
export const PROGRESS_COUNTERS = [
  'rows',
  'sent',
  'matched',
  'mismatched',
  'notFound',
  'invalidId',
  'rejected',
  'duplicates',
  'recorded',
  'corrected',
  'attested',
  'worklistOpen',
  'worklistOverdue',
] as const;
export type ProgressCounter = (typeof PROGRESS_COUNTERS)[number];
export type Counts = Record<ProgressCounter, number>;

export const PROGRESS_LEVELS = ['district', 'commune', 'site'] as const;
export type ProgressLevel = (typeof PROGRESS_LEVELS)[number];

export interface ProgressRow extends Counts {
  key: string;
  /** Share of rows settled (matched, or sent back and corrected); null for an empty unit. */
  settledShare: number | null;
}

const UNKNOWN = '(no known site)';
export const emptyCounts = (): Counts => Object.fromEntries(PROGRESS_COUNTERS.map((c) => [c, 0])) as Counts;

/** Site counts rolled up to the level asked for; rows of no known site form a unit of their own. */
export function rollUp(bySite: Map<string | null, Counts>, sites: SiteDirectory, level: ProgressLevel): ProgressRow[] {
  const groups = new Map<string, Counts>();
  for (const [siteId, counts] of bySite) {
    const site = siteId ? sites.get(siteId) : undefined;
    const key = !site
      ? (siteId ?? UNKNOWN)
      : level === 'site'
        ? site.id
        : level === 'commune'
          ? site.commune
          : site.district;
    const total = groups.get(key) ?? emptyCounts();
    for (const c of PROGRESS_COUNTERS) total[c] += counts[c];
    groups.set(key, total);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b, 'vi'))
    .map(([key, c]) => ({ key, ...c, settledShare: c.rows === 0 ? null : (c.matched + c.corrected) / c.rows }));
}

/** Days left to the deadline (negative once passed), from the day given. */
export const daysLeft = (today: string, deadline: string) =>
  Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
