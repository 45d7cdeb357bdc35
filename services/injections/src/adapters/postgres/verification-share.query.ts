import type { Pool } from 'pg';
import type { FiguresWithin } from '@vax/platform';
import type { ReferenceData } from '../../reference/reference-data';
import { sitesWithin } from '../../application/sites-within';

export const SHARE_DIMENSIONS = ['site', 'commune', 'district'] as const;
export type ShareDimension = (typeof SHARE_DIMENSIONS)[number];

export interface ShareRow {
  key: string;
  doses: number;
  verified: number;
  attested: number;
  verifiedShare: number;
  attestedShare: number;
}

/**
 * How much of the record is identity-verified and attested (legally valid), by site, commune or
 * district: from the monthly dose counters (a few rows per site and month, not one per dose).
 */
export class VerificationShareQuery {
  constructor(
    private readonly pool: Pool,
    private readonly reference: ReferenceData,
  ) {}

  async grouped(by: ShareDimension, within: FiguresWithin = {}): Promise<ShareRow[]> {
    const { rows } = await this.pool.query<{ site_id: string; doses: number; verified: number; attested: number }>(
      `select site_id, sum(doses)::int as doses, sum(verified)::int as verified, sum(attested)::int as attested
       from dose_counters_month where $1::text[] is null or site_id = any($1)
       group by site_id having sum(doses) > 0`,
      [sitesWithin(this.reference, within)],
    );
    const totals = new Map<string, { doses: number; verified: number; attested: number }>();
    for (const r of rows) {
      const site = this.reference.sites.get(r.site_id);
      const key = { site: r.site_id, commune: site?.commune ?? 'unknown', district: site?.district ?? 'unknown' }[by];
      const t = totals.get(key) ?? { doses: 0, verified: 0, attested: 0 };
      totals.set(key, {
        doses: t.doses + r.doses,
        verified: t.verified + r.verified,
        attested: t.attested + r.attested,
      });
    }
    return [...totals]
      .map(([key, t]) => ({ key, ...t, verifiedShare: t.verified / t.doses, attestedShare: t.attested / t.doses }))
      .sort((a, b) => a.key.localeCompare(b.key, 'vi'));
  }
}
