import type { Pool } from 'pg';
import { type Counts, PROGRESS_COUNTERS, emptyCounts } from '../../domain/progress/campaign-progress';

/**
 * The campaign's counters per site, read from counters the database keeps as rows are classified
 * (progress-counters.migration.ts): a few rows per site, however many rows the campaign has. "sent"
 * includes rows of requests still waiting for an answer; "invalidId" counts the registry's answer that a
 * row has no usable number and no search found anyone (rows without a number are sent like the others);
 * "recorded" means on a person's record now.
 */
export class ProgressQuery {
  constructor(private readonly pool: Pool) {}

  async bySite(campaignId: string, importIds: string[], today: string): Promise<Map<string | null, Counts>> {
    const [lists, rows, pending, items] = await Promise.all([
      this.pool.query(
        `select site_key, sum(rows)::int as rows, sum(rejected)::int as rejected
         from progress_import_sites where import_id = any($1) group by site_key`,
        [importIds],
      ),
      this.pool.query(
        `select site_key, sent, matched, mismatched, not_found as "notFound", invalid_id as "invalidId",
           duplicate as duplicates, recorded, corrected, attested
         from progress_sites where campaign_id = $1`,
        [campaignId],
      ),
      // Rows of batches still waiting for the registry's answer count as sent.
      this.pool.query(
        'select site_key, sum(rows)::int as sent from progress_pending where campaign_id = $1 group by site_key',
        [campaignId],
      ),
      this.pool.query(
        `select site_key, sum(open)::int as "worklistOpen",
           coalesce(sum(open) filter (where due_on < $2), 0)::int as "worklistOverdue"
         from progress_worklist where campaign_id = $1 group by site_key`,
        [campaignId, today],
      ),
    ]);
    const bySite = new Map<string | null, Counts>();
    const add = (row: Record<string, unknown>) => {
      const site = row.site_key === '' ? null : (row.site_key as string);
      const counts = bySite.get(site) ?? emptyCounts();
      for (const c of PROGRESS_COUNTERS) if (typeof row[c] === 'number') counts[c] += row[c];
      bySite.set(site, counts);
    };
    for (const r of [...lists.rows, ...rows.rows, ...pending.rows, ...items.rows]) add(r);
    return bySite;
  }
}
