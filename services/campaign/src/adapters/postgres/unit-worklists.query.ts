import { type KeysetPage, pageOf } from '@vax/platform';
import type { Pool } from 'pg';
import { UnitWorklists, type UnitWorklistSummary } from '../../application/ports/unit-worklists.port';
import type { ReachedSites } from '../../domain/worklists/worklist-reach';

/** Campaigns with open items of the sites ($1, null for every row), newest first, after the key ($2, $3). */
export const UNIT_WORKLISTS_SQL = `select c.campaign_id, c.name, c.deadline::text, c.status, w.review, w.open,
         to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key
       from campaigns c cross join lateral (
         select count(*) filter (where i.reason = 'ambiguous-identity')::int as review, count(*)::int as open
         from worklist_items i
         where i.campaign_id = c.campaign_id and ($1::text[] is null or i.site_id = any($1))
           and i.status in ('open', 'reopened')) w
       where w.open > 0 and ($2::timestamptz is null or (c.created_at, c.campaign_id) < ($2, $3))
       order by c.created_at desc, c.campaign_id desc limit $4`;

/**
 * Campaigns are few and worklist items many: each campaign's open items of the sites are counted on
 * the index worklist_items_site (campaign_id, site_id, status), so a site's answer reads its own rows.
 */
export class PostgresUnitWorklists extends UnitWorklists {
  constructor(private readonly pool: Pool) {
    super();
  }

  async campaigns(sites: ReachedSites, page: KeysetPage) {
    const { rows } = await this.pool.query(UNIT_WORKLISTS_SQL, [
      sites,
      page.after?.[0] ?? null,
      page.after?.[1] ?? null,
      page.limit + 1,
    ]);
    const { items, nextCursor } = pageOf(rows, page, (r) => [r.created_key, r.campaign_id]);
    return { items: items.map(toSummary), nextCursor };
  }
}

const toSummary = (r: Record<string, unknown>): UnitWorklistSummary => ({
  campaignId: r.campaign_id as string,
  name: r.name as string,
  deadline: r.deadline as string,
  status: r.status as string,
  createdAt: r.created_key as string,
  openReviewItems: r.review as number,
  openWorklistItems: r.open as number,
});
