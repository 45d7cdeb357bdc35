import type { Pool } from 'pg';
import { type FiguresWithin, siteIsWithin } from '@vax/platform';
import type { ReferenceData } from '../reference/reference-data';

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

/** How much of the record is identity-verified and attested (legally valid), by site, commune or district. */
export class VerificationShareQuery {
  constructor(
    private readonly pool: Pool,
    private readonly reference: ReferenceData,
  ) {}

  async grouped(by: ShareDimension, within: FiguresWithin = {}): Promise<ShareRow[]> {
    const { rows } = await this.pool.query<{ site_id: string; doses: number; verified: number; attested: number }>(
      `select site_id, count(*)::int as doses,
              count(*) filter (where verification_id is not null)::int as verified,
              count(*) filter (where attestation_id is not null)::int as attested
       from dose_register where not voided group by site_id`,
    );
    const totals = new Map<string, { doses: number; verified: number; attested: number }>();
    for (const r of rows) {
      const site = this.reference.sites.get(r.site_id);
      if (!siteIsWithin(within, { siteId: r.site_id, district: site?.district ?? null })) continue;
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
