/**
 * Campaign progress and complaints' SLA reports at two sizes (issue 19): what a poll costs from the
 * counters and from the queries they replaced, what the counters cost the writers, and how long a
 * recount takes. Loaded with the write paths' statements (batches of the campaign's size, complaint
 * rows as the SLA projection writes them), not through Kafka or Temporal.
 *   node dist/bench/read-models-size.bench.js   (BENCH_CAMPAIGN_ROWS=100000, BENCH_COMPLAINTS=10000:
 *   each also at 10 ×: a 1 M-row campaign and 100,000 complaints; 0 leaves that part out;
 *   BENCH_SLA_REBUILD=100000: the SLA read model rebuilt from that many complaints' histories, 0 by default)
 */
import { EVENT_STORE_MIGRATIONS, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import { complaintSlaRebuildAt, printSlaRebuild } from './complaint-sla-rebuild.phase';
import { Pool } from 'pg';
import { SlaReportQuery } from '../services/complaints/src/adapters/postgres/sla-report.query';
import { complaintSlaProjection } from '../services/complaints/src/projections/complaint-sla.projection';
import { CAMPAIGN_MIGRATIONS } from '../services/campaign/src/adapters/postgres/campaign.migrations';
import { PROGRESS_COUNTERS_MIGRATION } from '../services/campaign/src/adapters/postgres/progress-counters.migration';
import { PROGRESS_PENDING_MIGRATION } from '../services/campaign/src/adapters/postgres/progress-pending.migration';
import { PROGRESS_ANSWERS_MIGRATION } from '../services/campaign/src/adapters/postgres/progress-answers.migration';
import { PROGRESS_WITHOUT_ID_MIGRATION } from '../services/campaign/src/adapters/postgres/progress-without-id.migration';
import { ProgressQuery } from '../services/campaign/src/adapters/postgres/progress.query';
import { fmt, freshDatabase, machine, percentile, runBenchmark, secondsOf } from './bench-support';
import { loadCampaign } from './campaign-rows.load';
import { OLD_BREACHES, OLD_PROGRESS, OLD_SUMMARY } from './read-models-size.before';

const ROWS = Number(process.env.BENCH_CAMPAIGN_ROWS ?? 100_000);
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 10_000);
const SLA_REBUILD = Number(process.env.BENCH_SLA_REBUILD ?? 0);

async function latencies(calls: number, run: () => Promise<unknown>) {
  await run(); // plans, caches
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function campaignAt(rows: number) {
  const db = await freshDatabase('rm_campaign');
  const pool = new Pool({ connectionString: db.url, max: 4 });
  try {
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS]);
    // The counters as a deployment now gets them: their first count, then 0008's recount (rows without an ID number).
    const counters = [
      PROGRESS_COUNTERS_MIGRATION,
      PROGRESS_PENDING_MIGRATION,
      PROGRESS_ANSWERS_MIGRATION,
      PROGRESS_WITHOUT_ID_MIGRATION,
    ];
    const before = CAMPAIGN_MIGRATIONS.filter((m) => !counters.includes(m));
    await migrate(pool, before);
    const plain = await loadCampaign(pool, rows);
    const old = await latencies(3, () => pool.query(OLD_PROGRESS, ['c1', ['big']]));
    const recount = await secondsOf(() => migrate(pool, counters));
    await pool.query('analyze');
    const poll = await latencies(30, () => new ProgressQuery(pool).bySite('c1', ['big'], '2021-12-15'));
    // The same writes again with the counters kept by the triggers: what they cost the pipeline.
    await pool.query(`delete from worklist_items; delete from dose_submissions; delete from merge_proposals;
      delete from row_results; delete from verification_batches; delete from campaigns; delete from legacy_rows;
      delete from legacy_imports; truncate progress_rows, progress_sites, progress_import_sites, progress_worklist,
      progress_pending`);
    const counted = await loadCampaign(pool, rows);
    const pollAfter = await latencies(30, () => new ProgressQuery(pool).bySite('c1', ['big'], '2021-12-15'));
    return { rows, plain, counted, old, recount, poll, pollAfter };
  } finally {
    await pool.end();
    await db.drop();
  }
}

async function complaintsAt(complaints: number) {
  const db = await freshDatabase('rm_sla');
  const pool = new Pool({ connectionString: db.url, max: 4 });
  try {
    const projection = complaintSlaProjection(() => null);
    const client = await pool.connect();
    await projection.createTable(client, 'sla_v1');
    await client.query('create view complaint_sla as select * from sla_v1');
    for (const suffix of projection.companions ?? [])
      await client.query(`create view complaint_sla_${suffix} as select * from sla_v1_${suffix}`);
    client.release();
    const districts = `(array['Tam Đường','Phong Thổ','Sìn Hồ','Mường Tè','Than Uyên','Tân Uyên','Nậm Nhùn','Lai Châu'])`;
    // As the projection writes them: a row when filed, then its closing or breach as an update each.
    const load = await secondsOf(async () => {
      for (let first = 1; first <= complaints; first += 1000) {
        await pool.query(
          `insert into sla_v1 (complaint_id, complaint_type, citizen_id, site_id, commune, district, status, filed_at, last_revision, due_at, unit_id)
           select 'k' || n, 'wrong-data', 'c' || n, 'S' || n % 60, 'C' || n % 20, ${districts}[1 + n % 8],
             case when n % 5 = 0 then 'assigned' else 'closed' end,
             timestamptz '2022-01-01' + (n % 700) * interval '1 day', 1,
             timestamptz '2022-01-01' + (n % 700 + 3) * interval '1 day', 'site:S' || n % 60
           from generate_series($1::int, $2::int) n`,
          [first, Math.min(first + 999, complaints)],
        );
      }
      await pool.query(`update sla_v1 set outcome = case when random() < 0.8 then 'resolved' else 'rejected' end,
        closed_at = filed_at + random() ^ 3 * interval '20 days' where status = 'closed'`);
      await pool.query(`update sla_v1 set breaches = array[filed_at + interval '2 days'], breach_levels = '{site}'
        where hashtext(complaint_id) % 7 = 0`);
    });
    await pool.query('analyze');
    const now = new Date('2023-12-01T00:00:00Z');
    const reports = new SlaReportQuery(pool);
    return {
      complaints,
      load,
      summary: await latencies(30, () => reports.summary('district', { province: true }, now)),
      summaryDistrict: await latencies(30, () => reports.summary('site', { district: 'Phong Thổ' }, now)),
      breaches: await latencies(30, () => reports.breachesByDay({ province: true }, '2022-06-01', '2022-08-31')),
      oldSummary: await latencies(5, () => pool.query(OLD_SUMMARY('district'), [null, now])),
      oldBreaches: await latencies(5, () => pool.query(OLD_BREACHES, [null, '2022-06-01', '2022-08-31'])),
    };
  } finally {
    await pool.end();
    await db.drop();
  }
}

async function main() {
  console.log(`# Read models at size — ${machine()}`);
  const campaigns = [];
  for (const rows of ROWS ? [ROWS, ROWS * 10] : []) {
    campaigns.push(await campaignAt(rows));
    console.log(`campaign of ${fmt(rows)} rows measured`);
  }
  console.log(
    '\n| campaign rows | progress poll, counters p50 / p95 ms | after the writes with triggers p50 / p95 ms | the old join p50 ms | recount s |',
  );
  console.log('|---:|---:|---:|---:|---:|');
  for (const c of campaigns)
    console.log(
      `| ${fmt(c.rows)} | ${fmt(c.poll.p50, 1)} / ${fmt(c.poll.p95, 1)} | ${fmt(c.pollAfter.p50, 1)} / ${fmt(c.pollAfter.p95, 1)} | ${fmt(c.old.p50, 0)} | ${fmt(c.recount, 1)} |`,
    );
  console.log(
    '\n| campaign rows | writes without counters s (import / verify / follow-up) | with counters s | overhead |',
  );
  console.log('|---:|---:|---:|---:|');
  for (const c of campaigns) {
    const sum = (s: Record<string, number>) => s.import + s.verify + s.follow;
    const parts = (s: Record<string, number>) => `${fmt(s.import, 1)} / ${fmt(s.verify, 1)} / ${fmt(s.follow, 1)}`;
    console.log(
      `| ${fmt(c.rows)} | ${parts(c.plain)} | ${parts(c.counted)} | ${fmt(sum(c.counted) / sum(c.plain), 2)}× |`,
    );
  }
  const slas = [];
  for (const n of COMPLAINTS ? [COMPLAINTS, COMPLAINTS * 10] : []) {
    slas.push(await complaintsAt(n));
    console.log(`${fmt(n)} complaints measured`);
  }
  console.log(
    '\n| complaints | load with counters s | summary by district p50 / p95 ms | a district by site | breaches by day, a quarter | old summary p50 | old breaches p50 |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of slas)
    console.log(
      `| ${fmt(s.complaints)} | ${fmt(s.load, 1)} | ${fmt(s.summary.p50, 1)} / ${fmt(s.summary.p95, 1)} | ${fmt(s.summaryDistrict.p50, 1)} / ${fmt(s.summaryDistrict.p95, 1)} | ${fmt(s.breaches.p50, 1)} / ${fmt(s.breaches.p95, 1)} | ${fmt(s.oldSummary.p50, 1)} | ${fmt(s.oldBreaches.p50, 1)} |`,
    );
  if (SLA_REBUILD) printSlaRebuild(await complaintSlaRebuildAt(SLA_REBUILD));
}

runBenchmark(main);
