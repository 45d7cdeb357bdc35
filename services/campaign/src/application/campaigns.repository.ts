import type { Pool } from 'pg';
import type { ImportExtent } from '../workflows/campaign-chunks';

export interface CampaignRecord {
  campaignId: string;
  name: string;
  importIds: string[];
  deadline: string;
  worklistDueDays: number;
  status: string;
  createdBy: string;
}

/** A campaign as the managers' list shows it: its lists' size without counting their rows' outcomes. */
export interface CampaignListing extends Omit<CampaignRecord, 'worklistDueDays' | 'createdBy'> {
  createdAt: string;
  /** Rows of its lists (accepted and rejected). */
  rows: number;
}

export class CampaignsRepository {
  constructor(private readonly pool: Pool) {}

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

  async list(limit = 200): Promise<CampaignListing[]> {
    const { rows } = await this.pool.query(
      `select c.campaign_id, c.name, c.import_ids, c.deadline::text, c.status, c.created_at,
         (select coalesce(sum(i.rows_accepted + i.rows_rejected), 0) from legacy_imports i
          where i.import_id = any(c.import_ids))::int as rows
       from campaigns c order by c.created_at desc limit $1`,
      [limit],
    );
    return rows.map((r) => ({
      campaignId: r.campaign_id,
      name: r.name,
      importIds: r.import_ids,
      deadline: r.deadline,
      status: r.status,
      createdAt: (r.created_at as Date).toISOString(),
      rows: r.rows,
    }));
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
