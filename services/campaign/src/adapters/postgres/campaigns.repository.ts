import { type KeysetPage, PAGE_LIMIT_MAX, pageOf } from '@vax/platform';
import type { Pool, QueryResultRow } from 'pg';
import { type CampaignListing, type CampaignRecord, Campaigns } from '../../application/ports/campaigns.port';
import type { ImportExtent } from '../../workflows/campaign-chunks';

const toListing = (r: QueryResultRow): CampaignListing => ({
  campaignId: r.campaign_id,
  name: r.name,
  importIds: r.import_ids,
  deadline: r.deadline,
  status: r.status,
  createdAt: (r.created_at as Date).toISOString(),
  rows: r.rows,
});

export class CampaignsRepository extends Campaigns {
  constructor(private readonly pool: Pool) {
    super();
  }

  /** Imports that exist and are complete, of those asked for. */
  async finishedImports(importIds: string[]): Promise<string[]> {
    const { rows } = await this.pool.query(
      'select import_id from legacy_imports where import_id = any($1) and finished_at is not null',
      [importIds],
    );
    return rows.map((r) => r.import_id as string);
  }

  async create(c: CampaignRecord): Promise<void> {
    await this.pool.query(
      `insert into campaigns (campaign_id, name, import_ids, deadline, worklist_due_days, status, created_by)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [c.campaignId, c.name, c.importIds, c.deadline, c.worklistDueDays, c.status, c.createdBy],
    );
  }

  async find(campaignId: string): Promise<CampaignRecord | undefined> {
    const { rows } = await this.pool.query(
      `select campaign_id, name, import_ids, deadline::text, worklist_due_days, status, created_by
       from campaigns where campaign_id = $1`,
      [campaignId],
    );
    const r = rows[0];
    return (
      r && {
        campaignId: r.campaign_id,
        name: r.name,
        importIds: r.import_ids,
        deadline: r.deadline,
        worklistDueDays: r.worklist_due_days,
        status: r.status,
        createdBy: r.created_by,
      }
    );
  }

  /** A page of campaigns, newest first (then by id). */
  async list(page: KeysetPage = { after: null, limit: PAGE_LIMIT_MAX }) {
    const { rows } = await this.pool.query(
      `select c.campaign_id, c.name, c.import_ids, c.deadline::text, c.status, c.created_at,
         to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
         (select coalesce(sum(i.rows_accepted + i.rows_rejected), 0) from legacy_imports i
          where i.import_id = any(c.import_ids))::int as rows
       from campaigns c where $1::timestamptz is null or (c.created_at, c.campaign_id) < ($1, $2)
       order by c.created_at desc, c.campaign_id desc limit $3`,
      [page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit + 1],
    );
    const { items, nextCursor } = pageOf(rows, page, (r) => [r.created_key, r.campaign_id]);
    return { items: items.map(toListing), nextCursor };
  }

  /** Where each of the campaign's lists ends: the workflow cuts its chunks from these. */
  async extents(campaignId: string): Promise<ImportExtent[]> {
    const { rows } = await this.pool.query(
      `select i.import_id, i.committed_through from campaigns c
       join legacy_imports i on i.import_id = any(c.import_ids) where c.campaign_id = $1 order by i.import_id`,
      [campaignId],
    );
    return rows.map((r) => ({ importId: r.import_id, lastRow: r.committed_through }));
  }

  async close(campaignId: string, status: 'closed' | 'cancelled'): Promise<void> {
    await this.pool.query(
      `update campaigns set status = $2, closed_at = coalesce(closed_at, now()) where campaign_id = $1`,
      [campaignId, status],
    );
  }
}
