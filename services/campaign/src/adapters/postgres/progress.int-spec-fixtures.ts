import type { Pool } from 'pg';

/*
 * The join the progress counters replace, kept as the tests' oracle: each counter recounted from the
 * campaign's rows. A row is sent once answered, or while a batch covering it is open (every accepted
 * row is sent, with or without an ID number); invalid only when the registry answered so.
 */
const RECOUNT = `
  select l.site_id, count(*)::int as rows,
    count(*) filter (where r.row_number is not null or (l.status = 'accepted' and exists (
      select 1 from verification_batches b where b.campaign_id = $1 and b.completed_at is null
      and b.import_id = l.import_id and l.row_number between b.first_row and b.last_row)))::int as sent,
    count(*) filter (where r.result = 'matched')::int as matched,
    count(*) filter (where r.result = 'mismatched')::int as mismatched,
    count(*) filter (where r.result = 'not-found')::int as "notFound",
    count(*) filter (where l.status = 'accepted' and r.result = 'invalid-id')::int as "invalidId",
    count(*) filter (where l.status = 'rejected')::int as rejected,
    count(*) filter (where m.proposal_id is not null)::int as duplicates,
    count(*) filter (where d.outcome in ('recorded', 'already-on-record'))::int as recorded,
    count(*) filter (where c.row_number is not null)::int as corrected,
    count(*) filter (where d.attestation_id is not null)::int as attested,
    (select count(*) from worklist_items w where w.campaign_id = $1 and w.site_id is not distinct from l.site_id
      and w.status in ('open', 'reopened'))::int as "worklistOpen",
    (select count(*) from worklist_items w where w.campaign_id = $1 and w.site_id is not distinct from l.site_id
      and w.status in ('open', 'reopened') and w.due_on < $3)::int as "worklistOverdue"
  from legacy_rows l
  left join row_results r on r.campaign_id = $1 and r.import_id = l.import_id and r.row_number = l.row_number
  left join merge_proposals m on m.campaign_id = $1 and m.duplicate_import = l.import_id
    and m.duplicate_row = l.row_number and m.status <> 'rejected'
  left join dose_submissions d on d.campaign_id = $1 and d.import_id = l.import_id and d.row_number = l.row_number
  left join row_corrections c on c.campaign_id = $1 and c.import_id = l.import_id and c.row_number = l.row_number
  where l.import_id = any($2) group by l.site_id`;

/** The counters recounted from the campaign's rows, per site (null: no known site), as ProgressQuery answers. */
export const recountProgress = async (pool: Pool, campaignId: string, importIds: string[], today: string) =>
  new Map(
    (await pool.query(RECOUNT, [campaignId, importIds, today])).rows.map(({ site_id, ...c }) => [
      site_id as string | null,
      c as Record<string, number>,
    ]),
  );
