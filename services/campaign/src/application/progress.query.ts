import type { Pool } from 'pg';
import { type Counts, PROGRESS_COUNTERS, emptyCounts } from '../domain/progress/campaign-progress';

/**
 * The campaign's counters per site, counted in the database over every row of its lists. "sent"
 * includes rows of requests still waiting for an answer; "recorded" means on a person's record now.
 */
export class ProgressQuery {
  constructor(private readonly pool: Pool) {}

  async bySite(campaignId: string, importIds: string[], today: string): Promise<Map<string | null, Counts>> {
    const [rows, items] = await Promise.all([
      this.pool.query(
        `select l.site_id,
           count(*)::int as rows,
           count(*) filter (where r.row_number is not null or (l.status = 'accepted' and l.id_state = 'valid' and exists (
             select 1 from verification_batches b where b.campaign_id = $1 and b.completed_at is null
             and b.import_id = l.import_id and l.row_number between b.first_row and b.last_row)))::int as sent,
           count(*) filter (where r.result = 'matched')::int as matched,
           count(*) filter (where r.result = 'mismatched')::int as mismatched,
           count(*) filter (where r.result = 'not-found')::int as "notFound",
           count(*) filter (where l.status = 'accepted' and (l.id_state <> 'valid' or r.result = 'invalid-id'))::int as "invalidId",
           count(*) filter (where l.status = 'rejected')::int as rejected,
           count(*) filter (where m.proposal_id is not null)::int as duplicates,
           count(*) filter (where d.outcome in ('recorded', 'already-on-record'))::int as recorded,
           count(*) filter (where c.row_number is not null)::int as corrected,
           count(*) filter (where d.attestation_id is not null)::int as attested
         from legacy_rows l
         left join row_results r on r.campaign_id = $1 and r.import_id = l.import_id and r.row_number = l.row_number
         left join merge_proposals m on m.campaign_id = $1 and m.duplicate_import = l.import_id
           and m.duplicate_row = l.row_number and m.status <> 'rejected'
         left join dose_submissions d on d.campaign_id = $1 and d.import_id = l.import_id and d.row_number = l.row_number
         left join row_corrections c on c.campaign_id = $1 and c.import_id = l.import_id and c.row_number = l.row_number
         where l.import_id = any($2)
         group by l.site_id`,
        [campaignId, importIds],
      ),
      this.pool.query(
        `select site_id, count(*) filter (where status in ('open', 'reopened'))::int as open,
           count(*) filter (where status in ('open', 'reopened') and due_on < $2)::int as overdue
         from worklist_items where campaign_id = $1 group by site_id`,
        [campaignId, today],
      ),
    ]);
    const bySite = new Map<string | null, Counts>();
    for (const r of rows.rows) {
      const counts = emptyCounts();
      for (const c of PROGRESS_COUNTERS) if (typeof r[c] === 'number') counts[c] = r[c];
      bySite.set(r.site_id, counts);
    }
    for (const r of items.rows) {
      const counts = bySite.get(r.site_id) ?? emptyCounts();
      counts.worklistOpen = r.open;
      counts.worklistOverdue = r.overdue;
      bySite.set(r.site_id, counts);
    }
    return bySite;
  }
}
