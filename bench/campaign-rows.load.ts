/**
 * A campaign's rows as its pipeline writes them, chunk by chunk, straight into the campaign service's
 * tables (not through Kafka, identity or Temporal): the list's rows, their verification answers
 * (seven in ten matched), merge proposals, dose submissions and their outcomes, and the sites'
 * worklist items. Where the counters' triggers are installed they count as they would in the service.
 * Used by the read-models-size and dashboards benches (issue 19).
 */
import type { Pool } from 'pg';
import { secondsOf } from './bench-support';

/** The campaign loaded (its rows' statements name it as 'c1'). */
export const CAMPAIGN_ID = 'c1';
/** Its one list (named 'big' in the statements). */
export const IMPORT_ID = 'big';
const BATCH = 5_000; // the campaign's chunk
const SITES = `(array['LC-TD-01','LC-TD-02','LC-PT-01','LC-SH-M1','LC-MT-01','LC-TU-01','LC-NN-01','LC-TP-BV', null])`;

/** A campaign over `rows` list rows, written chunk by chunk as the pipeline writes them. */
export async function loadCampaign(pool: Pool, rows: number): Promise<Record<string, number>> {
  const seconds: Record<string, number> = { import: 0, verify: 0, follow: 0 };
  await pool.query(
    `insert into legacy_imports (import_id, source_name, format, mapping) values ('big', 'big.csv', 'csv', '{}')`,
  );
  await pool.query(`insert into campaigns (campaign_id, name, import_ids, deadline, worklist_due_days, created_by)
    values ('c1', 'big', '{big}', '2022-06-30', 7, 'bench')`);
  for (let first = 1; first <= rows; first += BATCH) {
    const last = Math.min(first + BATCH - 1, rows);
    seconds.import += await secondsOf(() =>
      pool.query(
        `insert into legacy_rows (import_id, row_number, status, id_state, full_name, site_id)
         select 'big', n, case when n % 50 = 0 then 'rejected' else 'accepted' end,
           case when n % 40 = 0 then 'missing' else 'valid' end, 'Name ' || n, ${SITES}[1 + n % 9]
         from generate_series($1::int, $2::int) n`,
        [first, last],
      ),
    );
    const batch = `b-${first}`;
    seconds.verify += await secondsOf(async () => {
      await pool.query(
        `insert into verification_batches (batch_id, campaign_id, import_id, first_row, last_row, records) values ($1, 'c1', 'big', $2, $3, $4)`,
        [batch, first, last, last - first + 1],
      );
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(
          `insert into row_results (campaign_id, import_id, row_number, batch_id, result, person_id)
           select 'c1', 'big', n, $3, (array['matched','matched','matched','matched','matched','matched','mismatched','not-found','invalid-id','matched'])[1 + n % 10], 'P' || n
           from generate_series($1::int, $2::int) n where n % 50 <> 0 and n % 40 <> 0
           on conflict (campaign_id, import_id, row_number) do update set result = excluded.result, batch_id = excluded.batch_id`,
          [first, last, batch],
        );
        await client.query(
          `update verification_batches set completed_at = now(), answer_counts = '{}' where batch_id = $1`,
          [batch],
        );
        await client.query('commit');
      } finally {
        client.release();
      }
    });
    seconds.follow += await secondsOf(async () => {
      await pool.query(
        `insert into merge_proposals (proposal_id, campaign_id, keep_import, keep_row, duplicate_import, duplicate_row, evidence)
         select 'mp-' || n, 'c1', 'big', n - 1, 'big', n, '{}' from generate_series($1::int, $2::int) n where n % 100 = 1 and n > 1`,
        [first, last],
      );
      await pool.query(
        `insert into dose_submissions (dose_id, campaign_id, import_id, row_number, person_id, site_id)
         select 'd-' || r.row_number, 'c1', 'big', r.row_number, r.person_id, 'LC-TD-01' from row_results r
         where r.campaign_id = 'c1' and r.import_id = 'big' and r.row_number between $1 and $2 and r.result = 'matched'`,
        [first, last],
      );
      await pool.query(
        `update dose_submissions set outcome = 'sent' where campaign_id = 'c1' and row_number between $1 and $2`,
        [first, last],
      );
      await pool.query(
        `update dose_submissions set outcome = case when row_number % 97 = 0 then 'refused' else 'recorded' end, answered_at = now()
         where campaign_id = 'c1' and row_number between $1 and $2`,
        [first, last],
      );
      await pool.query(
        `insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, due_on)
         select 'w-' || r.row_number, 'c1', 'big', r.row_number, ${SITES}[1 + r.row_number % 9], r.result, date '2021-12-01' + r.row_number % 30
         from row_results r where r.campaign_id = 'c1' and r.import_id = 'big' and r.row_number between $1 and $2 and r.result <> 'matched'`,
        [first, last],
      );
    });
  }
  await pool.query('analyze');
  return seconds;
}
