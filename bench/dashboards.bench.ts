/**
 * Every manager, site and citizen route through the portal at two sizes in one run, S and 10 × S
 * (issue 19): does each stay fast, and flat as the data grows? For each size: doses appended to the
 * injections service's event store as the write path appends them (one stream per person), people's
 * coarse facts and the registry census written as identity.events.v1 would; complaint histories
 * appended to the complaints service's store (one stream per complaint, not through Temporal); a
 * campaign's rows written to the campaign service's tables as its pipeline writes them, its progress
 * counters kept by their triggers (campaign-rows.load.ts; 1 M rows at the province's size); then
 * each service starts and its projections build every read model from the log (timed). The logs of
 * who read a person's data are written as rows (dashboards.complaints.ts). Each route is then called
 * through the portal by a signed-in reader of its kind, and each read model query alone, in process.
 *   npm run bench:dashboards     (BENCH_PEOPLE=12000 people at S, ~2.5 doses each, and complaints at the
 *                                 province's ratio, 100,000 for 480,000 people; BENCH_PEOPLE=48000 makes
 *                                 10 × S the full province: 480,000 people, ~1.2 M doses, 100,000 complaints)
 *   BENCH_SECONDS=5 per route and size, BENCH_CLIENTS=4 concurrent; BENCH_KEEP_DATABASES=1 keeps the
 *   loaded databases and reuses them in the next run (dashboards.databases.ts);
 *   BENCH_ONLY=<route name part> measures only the routes whose name holds it.
 */
import { loadavg } from 'node:os';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import { Pool } from 'pg';
import { Pool as HttpPool } from 'undici';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { CAMPAIGN_MIGRATIONS } from '../services/campaign/src/adapters/postgres/campaign.migrations';
import { complaintSlaProjection } from '../services/complaints/src/projections/complaint-sla.projection';
import { INJECTIONS_MIGRATIONS } from '../services/injections/src/adapters/postgres/injections.migrations';
import { fmt, freshDatabase, machine, percentile, runBenchmark } from './bench-support';
import { cpuMeter, pidsOf } from './campaign-processes';
import { loadCampaign } from './campaign-rows.load';
import { appendComplaints, complaintsFor, personId, seedReads } from './dashboards.complaints';
import { loadedDatabase } from './dashboards.databases';
import { loadDoses } from './dashboards.load';
import {
  PORTS,
  type Reader,
  readers,
  serving,
  sessions,
  startOwner,
  startPortal,
  untilServing,
  url,
} from './dashboards.platform';
import { measureQueries } from './dashboards.queries';
import { type Direct, routes } from './dashboards.routes';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 12_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const ONLY = process.env.BENCH_ONLY;
/** The citizen whose own routes are measured: one of the loaded people, with doses and reads. */
const CITIZEN = personId(7);
/** A 1 M-row campaign for the province's 480,000 people, as issue 19 sizes it. */
const CAMPAIGN_ROWS_PER_PERSON = 1_000_000 / 480_000;

const MEASURED = routes(CITIZEN).filter(([name]) => !ONLY || name.includes(ONLY));

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  calls: number;
  /** CPU a call, ms: the portal, the services, PostgreSQL's backends of the bench's databases, the client. */
  cpuMs: { portal: number; services: number; postgres: number; client: number };
  /** The same route asked of the service directly (no portal), when it has one. */
  direct: { p50: number; p95: number } | null;
  load: string;
}

async function main(): Promise<void> {
  const tokens = await TestActorTokens.create();
  console.log(`# Dashboards — ${machine()}; ${CLIENTS} concurrent clients, ${SECONDS} s per route and size`);
  console.log(`load average at start: ${load()} (on a shared machine, figures move with it)`);
  const sizes = [];
  for (const times of MULTIPLES) sizes.push(await atSize(PEOPLE * times, tokens));
  console.log(
    `\n| route (through the portal) | size | p50 ms | p95 ms | p99 ms | bytes | calls | the service directly p50 / p95 ms | load average (1 min) |`,
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name] of MEASURED)
    for (const size of sizes) {
      const f = size.routes.get(name)!;
      const direct = f.direct ? `${fmt(f.direct.p50, 1)} / ${fmt(f.direct.p95, 1)}` : '–';
      console.log(
        `| ${name} | ${size.label} | ${fmt(f.p50, 1)} | ${fmt(f.p95, 1)} | ${fmt(f.p99, 1)} | ${fmt(f.bytes)} | ${f.calls} | ${direct} | ${f.load} |`,
      );
    }
  console.log('\n| route | size | CPU ms a call: portal / services / PostgreSQL / load generator |');
  console.log('|---|---|---:|');
  for (const [name] of MEASURED)
    for (const size of sizes) {
      const c = size.routes.get(name)!.cpuMs;
      console.log(
        `| ${name} | ${size.label} | ${fmt(c.portal, 2)} / ${fmt(c.services, 2)} / ${fmt(c.postgres, 2)} / ${fmt(c.client, 2)} |`,
      );
    }
  const [small, large] = [sizes[0], sizes.at(-1)!];
  console.log(`\n| route | p95 growth ${small.label} → ${large.label} | p95 < 100 ms at ${large.label} |`);
  console.log('|---|---:|---|');
  for (const [name] of MEASURED) {
    const [s, l] = [small.routes.get(name)!, large.routes.get(name)!];
    console.log(`| ${name} | ${fmt(l.p95 / s.p95, 2)}× | ${l.p95 < 100 ? 'yes' : 'no'} |`);
  }
  console.log('\n| read model query alone, in process, 30 calls one after another | size | p50 ms | p95 ms |');
  console.log('|---|---|---:|---:|');
  for (const name of small.queries.keys())
    for (const r of sizes)
      console.log(
        `| ${name} | ${r.label} | ${fmt(r.queries.get(name)!.p50, 1)} | ${fmt(r.queries.get(name)!.p95, 1)} |`,
      );
  console.log(`load average at end: ${load()}`);
  console.log(
    '\n| size | people | doses | complaints | campaign rows | appending the logs s (doses / complaints) | campaign rows written s | read models built from the logs s (injections / complaints) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const s1 = (n: number | null) => (n === null ? 'reused' : fmt(n, 1));
  for (const r of sizes)
    console.log(
      `| ${r.label} | ${fmt(r.people)} | ${r.doses === null ? 'reused' : fmt(r.doses)} | ${fmt(r.complaints)} | ${fmt(r.campaignRows)} | ${s1(r.append.doses)} / ${s1(r.append.complaints)} | ${s1(r.append.campaign)} | ${s1(r.build.injections)} / ${s1(r.build.complaints)} |`,
    );
}

const MULTIPLES = (process.env.BENCH_SIZES ?? '1,10').split(',').map(Number);
const load = () =>
  loadavg()
    .map((l) => fmt(l, 1))
    .join(' ');
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
};

async function atSize(people: number, tokens: TestActorTokens) {
  const label = people === PEOPLE ? 'S' : `${people / PEOPLE} × S`;
  const complaints = complaintsFor(people);
  const injectionsDb = await loadedDatabase('injections', `${people}`);
  const complaintsDb = await loadedDatabase('complaints', `${complaints}_of_${people}`);
  const certificationDb = await loadedDatabase('certification', `${people}`);
  const campaignRows = Math.round(people * CAMPAIGN_ROWS_PER_PERSON);
  const campaignDb = await loadedDatabase('campaign', `${campaignRows}`);
  const portalDb = await freshDatabase('dash_portal');
  const append = { doses: null as number | null, complaints: null as number | null, campaign: null as number | null };
  let doses: number | null = null;
  if (!injectionsDb.loaded) [doses, append.doses] = await timed(() => loadInjections(injectionsDb.url, people));
  if (!complaintsDb.loaded)
    append.complaints = (await timed(() => appendComplaints(complaintsDb.url, complaints, people)))[1];
  if (!campaignDb.loaded) {
    append.campaign = (await timed(() => loadCampaignRows(campaignDb.url, campaignRows)))[1];
    await vacuumed(campaignDb.url);
    await campaignDb.markLoaded();
  }

  // Ready once every projection serves reads, i.e. has caught up with the whole log once.
  const [injections, builtInjections] = await timed(() => startOwner('injections', injectionsDb.url, tokens));
  const slaVersion = complaintSlaProjection(() => null).version;
  const rebuilt = complaintsDb.loaded && !(await serving(complaintsDb.url, 'complaint_sla', slaVersion));
  const [complaintsService, builtComplaints] = await timed(async () => {
    const started = await startOwner('complaints', complaintsDb.url, tokens);
    await untilServing(complaintsDb.url, 'complaint_sla', slaVersion);
    return started;
  });
  const certification = await startOwner('certification', certificationDb.url, tokens);
  const campaign = await startOwner('campaign', campaignDb.url, tokens);
  const build = {
    injections: injectionsDb.loaded ? null : builtInjections,
    complaints: complaintsDb.loaded ? null : builtComplaints,
  };
  if (rebuilt) {
    console.log(`complaint_sla rebuilt to its current version in ${fmt(builtComplaints)} s (kept database)`);
    await vacuumed(complaintsDb.url);
  }
  for (const [db, what, perPerson] of [
    [injectionsDb, 'record', 1],
    [certificationDb, 'certificate', 0.5],
    [complaintsDb, 'complaint', complaints / people],
  ] as const) {
    if (db.loaded) continue;
    await seedReads(db.url, what, people, perPerson, CITIZEN, 40);
    await vacuumed(db.url);
    await db.markLoaded();
  }

  const portal = await startPortal(portalDb.url, tokens);
  const cookies = await sessions(portalDb.url, CITIZEN);
  const http = new HttpPool(`http://127.0.0.1:${PORTS.portal}`, { connections: CLIENTS, keepAliveTimeout: 10_000 });
  const routes = new Map<string, Figures>();
  // CPU each part of the path spends a call: the portal, the services, PostgreSQL, this load generator.
  const services = [injections, complaintsService, certification, campaign].map((s) => s.pid);
  const meter = () =>
    cpuMeter({
      portal: () => [portal.pid],
      services: () => services,
      postgres: () => pidsOf('bench_keep_dash_').concat(pidsOf('bench_dash_')),
      client: () => [process.pid],
    });
  for (const [name, reader, path, direct] of MEASURED) {
    await call(http, path, { cookie: cookies[reader] }); // warm: first plans, connections
    const used = meter();
    const figures = await measureRoute(http, path, { cookie: cookies[reader] });
    const cpu = used();
    const load1 = fmt(loadavg()[0], 1);
    const perCall = (seconds: number) => (seconds * 1000) / figures.calls;
    const cpuMs = { portal: perCall(cpu.portal), services: perCall(cpu.services), postgres: perCall(cpu.postgres) };
    routes.set(name, {
      ...figures,
      cpuMs: { ...cpuMs, client: perCall(cpu.client) },
      direct: direct && (await measureDirect(direct, reader, tokens)),
      load: load1,
    });
  }
  await http.close();
  const queries = await measureQueries(injectionsDb.url, complaintsDb.url, campaignDb.url);
  for (const service of [portal, campaign, certification, complaintsService, injections]) await service.stop();
  await portalDb.drop();
  for (const db of [injectionsDb, complaintsDb, certificationDb, campaignDb]) await db.release();
  console.log(`${label}: ${fmt(people)} people, ${fmt(complaints)} complaints measured (load ${load()})`);
  return { label, people, doses, complaints, campaignRows, append, build, routes, queries };
}

/** Appends every person's doses (dashboards.load.ts), with the facts and census identity would write. */
async function loadInjections(url: string, people: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 16, options: '-c synchronous_commit=off' });
  try {
    const store = new PostgresEventStore(pool);
    await store.migrate();
    await migrate(pool, MESSAGING_MIGRATIONS);
    await migrate(pool, INJECTIONS_MIGRATIONS);
    return await loadDoses(pool, store, people);
  } finally {
    await pool.end();
  }
}

/** A campaign's rows in the campaign service's tables, its migrations (the progress counters' triggers among them) first. */
async function loadCampaignRows(url: string, rows: number): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 4, options: '-c synchronous_commit=off' });
  try {
    await migrate(pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...CAMPAIGN_MIGRATIONS]);
    await loadCampaign(pool, rows);
  } finally {
    await pool.end();
  }
}

/**
 * A loaded database as a running one would stand: statistics gathered and the visibility map set,
 * as autovacuum leaves them some minutes after a load; measured without it, the first minutes'
 * autovacuum of a million fresh rows would be measured as the routes' cost.
 */
async function vacuumed(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  await pool.query('vacuum analyze');
  await pool.end();
}

/** The route asked of its service with the token the portal would send: what the service itself adds. */
async function measureDirect([service, path]: Direct, reader: Reader, tokens: TestActorTokens) {
  const http = new HttpPool(url(service), { connections: CLIENTS, keepAliveTimeout: 10_000 });
  const headers = await tokens.headers(readers(CITIZEN)[reader], service); // 60 s: longer than a route's run
  try {
    await call(http, path, headers);
    const { p50, p95 } = await measureRoute(http, path, headers);
    return { p50, p95 };
  } finally {
    await http.close();
  }
}

async function measureRoute(http: HttpPool, path: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let bytes = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        bytes = await call(http, path, headers);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p));
  return { p50, p95, p99, bytes, calls: latencies.length };
}

async function call(http: HttpPool, path: string, headers: Record<string, string>): Promise<number> {
  const res = await http.request({ method: 'GET', path, headers });
  const body = await res.body.arrayBuffer();
  if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`); // errors measure nothing
  return body.byteLength;
}

runBenchmark(main);
