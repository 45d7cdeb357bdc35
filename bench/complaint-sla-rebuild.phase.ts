/**
 * The complaints' SLA read model rebuilt from the log (issue 19): complaint histories appended to the
 * event store as complaints' command handling appends them (one stream per complaint, every history in one
 * append; not through Temporal), then `rebuildProjection` (what `projections rebuild complaint_sla <v>`
 * runs) feeds complaint_sla and its counters from the first event, with the triggers as in production.
 * Run at a tenth of the size too, to show how the rebuild grows.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS, rebuildProjection } from '@vax/messaging';
import { Pool } from 'pg';
import { SlaReportQuery } from '../services/complaints/src/adapters/postgres/sla-report.query';
import { JsonSiteDirectory } from '../services/complaints/src/adapters/reference/json-site-directory';
import { complaintUpcasters } from '../services/complaints/src/domain/complaint.upcasters';
import { complaintSlaProjection } from '../services/complaints/src/projections/complaint-sla.projection';
import { fmt, freshDatabase, percentile } from './bench-support';
import { complaintHistory } from './complaint-histories.load';

export interface SlaRebuild {
  complaints: number;
  events: number;
  appendSeconds: number;
  rebuildSeconds: number;
  rows: number;
  open: number;
  summary: { p50: number; p95: number };
  load: string;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function appendHistories(store: PostgresEventStore, complaints: number, siteIds: string[]): Promise<number> {
  let events = 0;
  let next = 1;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let n = next++; n <= complaints; n = next++) {
        const history = complaintHistory(n, siteIds);
        events += history.length;
        await store.append(`complaint-k${n}`, history, 'no_stream');
      }
    }),
  );
  return events;
}

async function oneSize(complaints: number): Promise<SlaRebuild> {
  const db = await freshDatabase('rm_sla_rebuild');
  // Loading is not measured against production: no wait for the disk there. The rebuild commits as the service does.
  const loader = new Pool({ connectionString: db.url, max: 16, options: '-c synchronous_commit=off' });
  const pool = new Pool({ connectionString: db.url, max: 4 });
  try {
    const file = join(__dirname, '../services/complaints/src/reference/sites.json');
    const siteIds = (JSON.parse(readFileSync(file, 'utf8')) as { sites: { id: string }[] }).sites.map((s) => s.id);
    const directory = JsonSiteDirectory.fromReferenceFile(file);
    const loaderStore = new PostgresEventStore(loader);
    await loaderStore.migrate();
    await migrate(loader, MESSAGING_MIGRATIONS);
    const loadBefore = load();
    let started = performance.now();
    const events = await appendHistories(loaderStore, complaints, siteIds);
    const appendSeconds = (performance.now() - started) / 1000;
    await loader.query('analyze');
    started = performance.now();
    const projection = complaintSlaProjection((siteId) => directory.areaOf(siteId));
    const store = new PostgresEventStore(pool);
    const { applied } = await rebuildProjection(pool, store, projection, projection.version, complaintUpcasters);
    const rebuildSeconds = (performance.now() - started) / 1000;
    if (applied !== events) throw new Error(`rebuilt from ${applied} events, ${events} appended`);
    const { rows } = await pool.query(
      `select count(*)::int as n, count(*) filter (where status <> 'closed')::int as open from complaint_sla`,
    );
    await pool.query('analyze');
    const reports = new SlaReportQuery(pool);
    const times: number[] = [];
    for (let i = 0; i <= 30; i++) {
      const t = performance.now();
      await reports.summary('district', { province: true }, new Date('2023-12-01T00:00:00Z'));
      if (i > 0) times.push(performance.now() - t); // the first plans and warms the cache
    }
    times.sort((a, b) => a - b);
    return {
      complaints,
      events,
      appendSeconds,
      rebuildSeconds,
      rows: rows[0].n,
      open: rows[0].open,
      summary: { p50: percentile(times, 50), p95: percentile(times, 95) },
      load: `${loadBefore} → ${load()}`,
    };
  } finally {
    await loader.end();
    await pool.end();
    await db.drop();
  }
}

export async function complaintSlaRebuildAt(complaints: number): Promise<SlaRebuild[]> {
  const results: SlaRebuild[] = [];
  for (const n of [Math.max(1, Math.round(complaints / 10)), complaints]) {
    results.push(await oneSize(n));
    console.log(`complaint_sla rebuilt from ${fmt(n)} complaints' histories (load ${results.at(-1)!.load})`);
  }
  return results;
}

export function printSlaRebuild(results: SlaRebuild[]): void {
  console.log(
    '\n| complaints | events | appending the histories s | rebuild of complaint_sla s | events/s | rows / running | summary after p50 / p95 ms | load average (1, 5, 15 min) before → after |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results)
    console.log(
      `| ${fmt(r.complaints)} | ${fmt(r.events)} | ${fmt(r.appendSeconds, 1)} | ${fmt(r.rebuildSeconds, 1)} | ${fmt(r.events / r.rebuildSeconds)} | ${fmt(r.rows)} / ${fmt(r.open)} | ${fmt(r.summary.p50, 1)} / ${fmt(r.summary.p95, 1)} | ${r.load} |`,
    );
}
