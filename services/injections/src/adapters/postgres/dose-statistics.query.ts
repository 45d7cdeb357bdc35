import type { Pool } from 'pg';
import type { FiguresWithin } from '@vax/platform';
import type { ReferenceData } from '../../reference/reference-data';
import { wholeMonthsWithin } from '../../domain/statistics/whole-months';
import { sitesWithin } from '../../application/sites-within';

export const STATISTICS_DIMENSIONS = ['day', 'site', 'commune', 'district', 'vaccine', 'doseNumber'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export interface StatisticsRow {
  key: string;
  doses: number;
}

const COLUMN = { vaccine: 'vaccine_code', doseNumber: 'dose_number' } as const;

/**
 * Doses counted from the platform's own records, grouped as a manager asks, between two dates: from the
 * dose counters (dose-counters.projection.ts): by day, one row per day and site; otherwise by month for
 * the whole months of the range and by day for its ends, so a range of years reads a few rows per
 * site and month.
 */
export class DoseStatisticsQuery {
  constructor(
    private readonly pool: Pool,
    private readonly reference: ReferenceData,
  ) {}

  /** `within`: the part of the province the reader may see (their district or site; {} for all). */
  async grouped(
    by: StatisticsDimension,
    from: string,
    to: string,
    within: FiguresWithin = {},
  ): Promise<StatisticsRow[]> {
    const sites = sitesWithin(this.reference, within);
    if (by === 'day') return this.byDay(from, to, sites);
    const bySite = by === 'site' || by === 'commune' || by === 'district';
    const column = bySite ? 'site_id' : COLUMN[by];
    const months = wholeMonthsWithin(from, to);
    const { rows } = await this.pool.query<{ key: string; doses: number }>(
      `select ${column}::text as key, sum(doses)::int as doses
       from (select ${column}, doses from dose_counters
             where day between $1 and $2 and ($4::date is null or day < $4 or day >= $5)
               and ($3::text[] is null or site_id = any($3))
             union all
             select ${column}, doses from dose_counters_month
             where $4::date is not null and month >= $4 and month < $5
               and ($3::text[] is null or site_id = any($3))) c
       group by 1 having sum(doses) > 0`,
      [from, to, sites, months?.from ?? null, months?.until ?? null],
    );
    if (!bySite) return sorted(rows);
    const totals = new Map<string, number>();
    for (const r of rows) {
      const site = this.reference.sites.get(r.key);
      const key = { site: r.key, commune: site?.commune ?? 'unknown', district: site?.district ?? 'unknown' }[by];
      totals.set(key, (totals.get(key) ?? 0) + r.doses);
    }
    return sorted([...totals].map(([key, doses]) => ({ key, doses })));
  }

  private async byDay(from: string, to: string, sites: string[] | null): Promise<StatisticsRow[]> {
    const { rows } = await this.pool.query<StatisticsRow>(
      `select to_char(day, 'YYYY-MM-DD') as key, sum(doses)::int as doses from dose_counters_day
       where day between $1 and $2 and ($3::text[] is null or site_id = any($3)) group by day having sum(doses) > 0`,
      [from, to, sites],
    );
    return sorted(rows);
  }
}

const sorted = (rows: StatisticsRow[]) => rows.sort((a, b) => a.key.localeCompare(b.key, 'vi'));
