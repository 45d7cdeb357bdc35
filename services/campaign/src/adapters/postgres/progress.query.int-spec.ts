import { EVENT_STORE_MIGRATIONS, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { CAMPAIGN_MIGRATIONS } from './campaign.migrations';
import { PROGRESS_COUNTERS_MIGRATION } from './progress-counters.migration';
import { PROGRESS_ANSWERS_MIGRATION } from './progress-answers.migration';
import { PROGRESS_PENDING_MIGRATION } from './progress-pending.migration';
import { PROGRESS_WITHOUT_ID_MIGRATION } from './progress-without-id.migration';
import { ProgressQuery } from './progress.query';
import { recountProgress } from './progress.int-spec-fixtures';

// The counters against a recount from the rows, after each kind of write the campaign makes, for
// rows written before the counters existed and after.
const SITES = `(array['TD-01', 'TD-02', 'PT-01', null])[1 + n % 4]`;
const RESULTS = `(array['matched', 'mismatched', 'not-found', 'invalid-id', 'ambiguous'])[1 + (n * 7 + $1) % 5]`;

describe('campaign progress counters', () => {
  let db: TestDatabase;
  let pool: Pool;
  const progress = () => new ProgressQuery(pool).bySite('c1', ['a', 'b'], '2021-12-10');
  const oracle = () => recountProgress(pool, 'c1', ['a', 'b'], '2021-12-10');

  const rows = (importId: string, from: number, to: number) =>
    pool.query(
      `insert into legacy_rows (import_id, row_number, status, id_state, site_id)
       select $1, n, case when n % 11 = 0 then 'rejected' else 'accepted' end,
         case when n % 13 = 0 then 'missing' else 'valid' end, ${SITES}
       from generate_series($2::int, $3::int) n`,
      [importId, from, to],
    );
  const openBatch = (id: string, first: number, last: number) =>
    pool.query(
      `insert into verification_batches (batch_id, campaign_id, import_id, first_row, last_row, records)
       values ($1, 'c1', 'a', $2, $3, 0)`,
      [id, first, last],
    );
  // As recordAnswers does: every answer of the batch, skipping some rows, then the batch closed.
  const answer = (id: string, first: number, last: number, salt: number) =>
    pool.query(
      `with a as (insert into row_results (campaign_id, import_id, row_number, batch_id, result)
         select 'c1', 'a', n, $4, ${RESULTS} from generate_series($2::int, $3::int) n where n % 9 <> 0
         on conflict (campaign_id, import_id, row_number) do update set result = excluded.result, batch_id = excluded.batch_id)
       update verification_batches set completed_at = now() where batch_id = $4`,
      [salt, first, last, id],
    );

  beforeAll(async () => {
    db = await createTestDatabase('campaign_progress');
    pool = new Pool({ connectionString: db.url, max: 4 });
    const counters = [
      PROGRESS_COUNTERS_MIGRATION,
      PROGRESS_PENDING_MIGRATION,
      PROGRESS_ANSWERS_MIGRATION,
      PROGRESS_WITHOUT_ID_MIGRATION,
    ];
    const before = CAMPAIGN_MIGRATIONS.filter((m) => !counters.includes(m));
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...before]);
    await pool.query(`insert into legacy_imports (import_id, source_name, format, mapping)
      values ('a', 'a.csv', 'csv', '{}'), ('b', 'b.csv', 'csv', '{}'), ('other', 'o.csv', 'csv', '{}')`);
    await pool.query(`insert into campaigns (campaign_id, name, import_ids, deadline, worklist_due_days, created_by)
      values ('c1', 'C1', '{a,b}', '2022-01-31', 7, 'm'), ('c2', 'C2', '{a}', '2022-01-31', 7, 'm')`);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('counts what the campaign wrote before the counters existed and under their first version, as the join does', async () => {
    await rows('a', 1, 300);
    await rows('other', 1, 50);
    await openBatch('b1', 1, 100);
    await answer('b1', 1, 100, 0);
    await migrate(pool, [PROGRESS_COUNTERS_MIGRATION]); // the first counters, then writes under them
    await openBatch('b2', 101, 200); // still open: its rows count as sent
    await pool.query(`insert into merge_proposals (proposal_id, campaign_id, keep_import, keep_row, duplicate_import, duplicate_row, evidence)
      select 'mp' || n, 'c1', 'a', n - 1, 'a', n, '{}' from generate_series(2, 60, 6) n`);
    await pool.query(`insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, due_on)
      select 'w' || n, 'c1', 'a', n, ${SITES}, 'mismatch', date '2021-12-01' + n % 20 from generate_series(1, 90, 3) n`);

    await migrate(pool, [PROGRESS_PENDING_MIGRATION, PROGRESS_ANSWERS_MIGRATION, PROGRESS_WITHOUT_ID_MIGRATION]);

    expect(await progress()).toEqual(await oracle());
    expect((await progress()).get('TD-01')?.sent).toBeGreaterThan(0);
  });

  it('follows every later write: answers, closed batches, merges, doses, corrections, work items, new rows', async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ['a list imported later', () => rows('b', 1, 120)],
      ['answers to the open batch, some rows never answered', () => answer('b2', 101, 200, 1)],
      ['a recheck replacing answers', () => answer('b1', 1, 50, 2)],
      ['a batch opened', () => openBatch('b3', 201, 300)],
      [
        'another campaign on the same rows',
        () =>
          pool.query(`insert into row_results (campaign_id, import_id, row_number, batch_id, result)
          select 'c2', 'a', n, 'x', 'matched' from generate_series(1, 300) n`),
      ],
      [
        'a merge rejected',
        () => pool.query(`update merge_proposals set status = 'rejected' where proposal_id in ('mp2', 'mp14')`),
      ],
      [
        'doses queued',
        () =>
          pool.query(`insert into dose_submissions (dose_id, campaign_id, import_id, row_number, person_id, site_id)
          select 'd' || n, 'c1', 'a', n, 'P' || n, 'TD-01' from generate_series(1, 200, 2) n`),
      ],
      ['doses sent', () => pool.query(`update dose_submissions set outcome = 'sent' where row_number < 150`)],
      [
        'doses answered',
        () =>
          pool.query(`update dose_submissions set outcome =
          (array['recorded', 'already-on-record', 'refused'])[1 + row_number % 3] where row_number < 120`),
      ],
      [
        'doses attested',
        () => pool.query(`update dose_submissions set attestation_id = 'att' where outcome = 'recorded'`),
      ],
      [
        'corrections',
        () =>
          pool.query(`insert into row_corrections (campaign_id, import_id, row_number, full_name, corrected_by)
          select 'c1', 'a', n, 'X', 's' from generate_series(5, 95, 10) n`),
      ],
      [
        'work items resolved and reopened',
        () =>
          pool.query(`update worklist_items set status =
          case when row_number % 2 = 0 then 'resolved' else 'reopened' end where row_number < 40`),
      ],
      [
        'work items opened',
        () =>
          pool.query(`insert into worklist_items (item_id, campaign_id, import_id, row_number, site_id, reason, due_on)
          select 'v' || n, 'c1', 'b', n, ${SITES}, 'not-found', date '2021-12-05' + n % 10 from generate_series(1, 120, 2) n`),
      ],
      [
        'a batch closed without answers',
        () => pool.query(`update verification_batches set completed_at = now() where batch_id = 'b3'`),
      ],
    ];
    for (const [step, write] of steps) {
      await write();
      expect([step, await progress()]).toEqual([step, await oracle()]);
    }
  });

  it('reads only its counters, never the campaign rows (a poll costs the same at any size)', async () => {
    const role = `progress_reader_${db.url.split('/').pop()!.split('_').pop()}`;
    await pool.query(`create role ${role}`);
    await pool.query(
      `grant select on progress_import_sites, progress_sites, progress_pending, progress_worklist to ${role}`,
    );
    const reader = new Pool({ connectionString: db.url, max: 1, options: `-c role=${role}` });
    try {
      const counts = await new ProgressQuery(reader).bySite('c1', ['a', 'b'], '2021-12-10');
      expect(counts).toEqual(await oracle());
    } finally {
      await reader.end();
      await pool.query(`drop owned by ${role}; drop role ${role}`);
    }
  });
});
