/**
 * Managers' dashboards at two sizes in one run, S and 10 × S (issue 19): does each route stay fast, and
 * flat as the data grows? For each size, a fresh injections database is loaded through its projections:
 * DoseRecorded events are appended to the event store as the write path appends them (one stream per
 * person), people's coarse facts and the registry census written as identity.events.v1 would; then the
 * injections service starts and its projections build every read model from the log (timed). Each
 * route is then called through the portal by a signed-in province manager, and the session read alone.
 *   npm run bench:dashboards     (BENCH_PEOPLE=12000 people at S, ~2.5 doses each; BENCH_PEOPLE=48000
 *                                 makes 10 × S the full province: 480,000 people, ~1.2 M doses)
 *   BENCH_SECONDS=5 per route and size, BENCH_CLIENTS=4 concurrent.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import { Pool } from 'pg';
import { Pool as HttpPool } from 'undici';
import { v7 as uuidv7 } from 'uuid';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { CoverageQuery } from '../services/injections/src/adapters/postgres/coverage.query';
import { DoseStatisticsQuery } from '../services/injections/src/adapters/postgres/dose-statistics.query';
import { INJECTIONS_MIGRATIONS } from '../services/injections/src/adapters/postgres/injections.migrations';
import { VerificationShareQuery } from '../services/injections/src/adapters/postgres/verification-share.query';
import { loadReferenceData } from '../services/injections/src/reference/reference-data';
import { fmt, freshDatabase, machine, percentile, runBenchmark, startService } from './bench-support';
import { syntheticDoses } from './dashboards.load';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 12_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
// Ports of their own: the e2e tier and other benches use 41xx–47xx.
const PORTS = {
  injections: Number(process.env.BENCH_PORT ?? 4882),
  portal: Number(process.env.BENCH_PORT ?? 4882) - 2,
};

const ROUTES: [string, string][] = [
  ['doses by district, 2021–2030', '/api/manager/doses?groupBy=district&from=2021-01-01&to=2030-01-01'],
  ['doses by day, 2021–2030', '/api/manager/doses?groupBy=day&from=2021-01-01&to=2030-01-01'],
  ['doses by vaccine, mid-month to mid-month', '/api/manager/doses?groupBy=vaccine&from=2021-11-03&to=2022-02-17'],
  ['coverage by district and age', '/api/manager/coverage?year=2022'],
  ['verification share by commune', '/api/manager/verification-share?groupBy=commune'],
  ['session read (any signed-in call)', '/api/session'],
];

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  calls: number;
}

async function main(): Promise<void> {
  const tokens = await TestActorTokens.create();
  console.log(`# Dashboards — ${machine()}; ${CLIENTS} concurrent clients, ${SECONDS} s per route and size`);
  const load1 = () => fmt(loadavg()[0], 1);
  console.log(`load average at start: ${load1()} (on a shared machine, figures move with it)`);
  const small = await atSize(PEOPLE, tokens);
  const large = await atSize(PEOPLE * 10, tokens);
  console.log(`\n| route | size | p50 ms | p95 ms | p99 ms | bytes | calls |`);
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const [name] of ROUTES)
    for (const [label, f] of [
      [small.label, small.routes.get(name)!],
      [large.label, large.routes.get(name)!],
    ] as const)
      console.log(
        `| ${name} | ${label} | ${fmt(f.p50, 1)} | ${fmt(f.p95, 1)} | ${fmt(f.p99, 1)} | ${fmt(f.bytes)} | ${f.calls} |`,
      );
  console.log('\n| route | p95 growth at 10 × S | p95 < 100 ms at 10 × S |');
  console.log('|---|---:|---|');
  for (const [name] of ROUTES) {
    const [s, l] = [small.routes.get(name)!, large.routes.get(name)!];
    console.log(`| ${name} | ${fmt(l.p95 / s.p95, 2)}× | ${l.p95 < 100 ? 'yes' : 'no'} |`);
  }
  console.log('\n| read model query alone, in process, 30 calls one after another | size | p50 ms | p95 ms |');
  console.log('|---|---|---:|---:|');
  for (const name of small.queries.keys())
    for (const r of [small, large])
      console.log(
        `| ${name} | ${r.label} | ${fmt(r.queries.get(name)!.p50, 1)} | ${fmt(r.queries.get(name)!.p95, 1)} |`,
      );
  console.log(`load average at end: ${load1()}`);
  console.log('\n| size | people | doses | appending the log s | projections built from the log s |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of [small, large])
    console.log(
      `| ${r.label} | ${fmt(r.people)} | ${fmt(r.doses)} | ${fmt(r.appendSeconds, 1)} | ${fmt(r.projectSeconds, 1)} |`,
    );
}

async function atSize(people: number, tokens: TestActorTokens) {
  const label = people === PEOPLE ? 'S' : '10 × S';
  const [injectionsDb, portalDb] = [await freshDatabase('dash_injections'), await freshDatabase('dash_portal')];
  const pool = new Pool({ connectionString: injectionsDb.url, max: 8, options: '-c synchronous_commit=off' });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  await migrate(pool, MESSAGING_MIGRATIONS);
  await migrate(pool, INJECTIONS_MIGRATIONS);
  const t0 = performance.now();
  const doses = await load(pool, store, people);
  const appendSeconds = (performance.now() - t0) / 1000;
  await pool.end();

  for (const port of Object.values(PORTS)) await mustBeFree(port);
  const t1 = performance.now();
  // Ready once every projection serves reads, i.e. has caught up with the whole log once.
  const injections = await startService(
    'services/injections/src/main.js',
    PORTS.injections,
    {
      DATABASE_URL: injectionsDb.url,
      MESSAGE_TRANSPORT: 'embedded',
      BUS_DATABASE_URL: injectionsDb.url, // nothing is published or consumed here
      PUBLISHER_ENABLED: 'false',
      ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
    },
    3_600_000, // the first catch-up over the whole log
  );
  const projectSeconds = (performance.now() - t1) / 1000;
  const portal = await startService('services/portal/src/main.js', PORTS.portal, {
    ACTOR_TOKEN_PRIVATE_KEY: tokens.signingKey('portal'),
    CODE_HASH_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: portalDb.url,
    INJECTIONS_URL: `http://127.0.0.1:${PORTS.injections}`,
    IDENTITY_URL: 'http://127.0.0.1:9', // not measured here
    COMPLAINTS_URL: 'http://127.0.0.1:9',
    CERTIFICATION_URL: 'http://127.0.0.1:9',
    CAMPAIGN_URL: 'http://127.0.0.1:9',
    ACCOUNTS_SEED_FILE: join(__dirname, '../services/portal/src/reference/demo-accounts.json'),
  });
  const origin = `http://127.0.0.1:${PORTS.portal}`;
  const cookie = await managerSession(origin);
  const http = new HttpPool(origin, { connections: CLIENTS, keepAliveTimeout: 10_000 });
  const routes = new Map<string, Figures>();
  for (const [name, path] of ROUTES) {
    await call(http, path, cookie); // warm: first plans, connections
    routes.set(name, await measureRoute(http, path, cookie));
  }
  await http.close();
  const queries = await measureQueries(injectionsDb.url);
  await portal.stop();
  await injections.stop();
  await portalDb.drop();
  await injectionsDb.drop();
  console.log(`${label}: ${fmt(people)} people, ${fmt(doses)} doses measured`);
  return { label, people, doses, appendSeconds, projectSeconds, routes, queries };
}

/** The read models' queries without HTTP, the portal or the JSON: what the database does per call. */
async function measureQueries(url: string): Promise<Map<string, { p50: number; p95: number }>> {
  const pool = new Pool({ connectionString: url, max: 1 });
  const reference = loadReferenceData();
  const [statistics, coverage, share] = [
    new DoseStatisticsQuery(pool, reference),
    new CoverageQuery(pool, reference),
    new VerificationShareQuery(pool, reference),
  ];
  const queries: [string, () => Promise<unknown>][] = [
    ['statistics by district, 2021–2030', () => statistics.grouped('district', '2021-01-01', '2030-01-01')],
    ['statistics by day, 2021–2030', () => statistics.grouped('day', '2021-01-01', '2030-01-01')],
    [
      'statistics by vaccine, a district',
      () => statistics.grouped('vaccine', '2021-11-03', '2022-02-17', { district: 'Tam Đường' }),
    ],
    ['coverage', () => coverage.byDistrictAndAge(2022)],
    ['verification share by commune', () => share.grouped('commune')],
  ];
  const figures = new Map<string, { p50: number; p95: number }>();
  for (const [name, run] of queries) {
    const times: number[] = [];
    for (let i = 0; i < 31; i++) {
      const started = performance.now();
      await run();
      if (i > 0) times.push(performance.now() - started); // the first plans and warms
    }
    times.sort((a, b) => a - b);
    figures.set(name, { p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  await pool.end();
  return figures;
}

/** Appends every person's doses as their record's stream, 16 at a time; writes facts and census. */
async function load(pool: Pool, store: PostgresEventStore, people: number): Promise<number> {
  const reference = loadReferenceData();
  const generated = syntheticDoses(people, [...reference.sites.values()], 42);
  let doses = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < generated.people.length; i = next++) {
        const person = generated.people[i];
        doses += person.doses.length;
        await store.append(
          `record-${person.personId}`,
          person.doses.map((d, n) => ({
            id: uuidv7(),
            type: 'DoseRecorded',
            schemaVersion: 1,
            data: { doseId: randomUUID(), personId: person.personId, doseNumber: n + 1, ...d, recordedBy: 'bench' },
            metadata: {
              correlationId: randomUUID(),
              causationId: null,
              actor: { id: 'bench', role: 'site-staff', scope: `site:${d.siteId}` },
              occurredAt: new Date(`${d.administeredOn}T09:00:00+07:00`),
            },
          })),
          'no_stream',
        );
      }
    }),
  );
  for (let i = 0; i < generated.people.length; i += 10_000) {
    const chunk = generated.people.slice(i, i + 10_000);
    await pool.query(
      `insert into people_facts (person_id, birth_year, district) select * from unnest($1::text[], $2::int[], $3::text[])`,
      [chunk.map((p) => p.personId), chunk.map((p) => p.birthYear), chunk.map((p) => p.district)],
    );
  }
  const census = generated.census;
  await pool.query(
    `insert into registry_population (district, birth_year, people, counted_at)
     select d, y, n, now() from unnest($1::text[], $2::int[], $3::int[]) as t(d, y, n)`,
    [census.map((c) => c.district), census.map((c) => c.birthYear), census.map((c) => c.people)],
  );
  return doses;
}

async function measureRoute(http: HttpPool, path: string, cookie: string): Promise<Figures> {
  const latencies: number[] = [];
  let bytes = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        bytes = await call(http, path, cookie);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p));
  return { p50, p95, p99, bytes, calls: latencies.length };
}

async function call(http: HttpPool, path: string, cookie: string): Promise<number> {
  const res = await http.request({ method: 'GET', path, headers: { cookie } });
  const body = await res.body.arrayBuffer();
  if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`); // errors measure nothing
  return body.byteLength;
}

async function managerSession(portal: string): Promise<string> {
  const res = await fetch(`${portal}/api/auth/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'quanly.soyte', password: 'demo-LaiChau-2021' }),
  });
  if (res.status !== 201) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** A service that cannot listen would leave its readiness to whatever already answers on the port. */
function mustBeFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', () => reject(new Error(`port ${port} is taken: set BENCH_PORT`)))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

runBenchmark(main);
