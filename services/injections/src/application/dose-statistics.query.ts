import type { Pool } from 'pg';
import { type FiguresWithin, siteIsWithin } from '@vax/platform';
import type { ReferenceData } from '../reference/reference-data';

export const STATISTICS_DIMENSIONS = ['day', 'site', 'commune', 'district', 'vaccine', 'doseNumber'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export interface StatisticsRow {
  key: string;
  doses: number;
}

/** Doses counted from the platform's own records, grouped as a manager asks, between two dates. */
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
    const { rows } = await this.pool.query<{
      day: string;
      site_id: string;
      vaccine_code: string;
      dose_number: number;
      doses: number;
    }>(
      `select to_char(day, 'YYYY-MM-DD') as day, site_id, vaccine_code, dose_number, count(*)::int as doses
       from dose_statistics where day between $1 and $2 and not voided
       group by day, site_id, vaccine_code, dose_number`,
      [from, to],
    );
    const totals = new Map<string, number>();
    for (const r of rows) {
      const site = this.reference.sites.get(r.site_id);
      if (!siteIsWithin(within, { siteId: r.site_id, district: site?.district ?? null })) continue;
      const key = {
        day: r.day,
        site: r.site_id,
        commune: site?.commune ?? 'unknown',
        district: site?.district ?? 'unknown',
        vaccine: r.vaccine_code,
        doseNumber: String(r.dose_number),
      }[by];
      totals.set(key, (totals.get(key) ?? 0) + r.doses);
    }
    return [...totals].map(([key, doses]) => ({ key, doses })).sort((a, b) => a.key.localeCompare(b.key, 'vi'));
  }
}
