/**
 * Dose recording through the HTTP API with identity already verified: the injections service as its
 * own process, 50 concurrent clients each recording first doses for people verified just before;
 * side by side with the bare event-store append of the same events. Two load shapes: the clients
 * without pause (the most the service does; latency there is queueing, 50 ÷ throughput on average)
 * and the same clients sharing a steady 500/s (the sustained rate: the latency people get).
 *   npm run bench:doses     (BENCH_SECONDS=10 BENCH_CLIENTS=50 BENCH_RATE=500 BENCH_HTTP_WORKERS=1)
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, migrate } from '@vax/event-sourcing';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { INJECTIONS_MIGRATIONS } from '../services/injections/src/adapters/postgres/injections.migrations';
import {
  KAFKA_BROKERS,
  type LatencySummary,
  fmt,
  freshDatabase,
  loadClient,
  machine,
  measure,
  paced,
  runBenchmark,
  settle,
  startGroupsAtEnd,
  startService,
  waitForReaders,
} from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
/** The steady rate of the paced phase: the sustained target. */
const RATE = Number(process.env.BENCH_RATE ?? 500);
/** Paced phases run this long at the rate before their latencies count. */
const WARMUP_MS = 3_000;
const PORT = 4591;
const PEOPLE = 200_000;
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
const staff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };

async function main(): Promise<void> {
  const db = await freshDatabase('doses');
  // The baseline's connections stay open, as the service's do: pg's default closes them after 10 s idle,
  // and a paced phase then measures the closes and reconnects (bench/identity-verify.bench.ts).
  const pool = new Pool({ connectionString: db.url, max: CLIENTS, min: CLIENTS });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  await migrate(pool, INJECTIONS_MIGRATIONS);
  // Identity already verified: the facts injections would have learnt from identity.events.v1.
  await pool.query(
    `insert into identity_verifications select 'v-' || i, 'P' || i, 'verified', now() from generate_series(1, $1) as i`,
    [PEOPLE],
  );
  await settle(pool);
  const tokens = await TestActorTokens.create();
  const group = `bench-${randomUUID()}`;
  await startGroupsAtEnd([group]);
  const service = await startService('services/injections/src/main.js', PORT, {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: KAFKA_BROKERS.join(','),
    KAFKA_CONSUMER_GROUP: group,
    ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
    HTTP_WORKERS: process.env.BENCH_HTTP_WORKERS ?? '1',
    DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '10',
  });
  const client = loadClient(`http://127.0.0.1:${PORT}`, CLIENTS);
  const auth = tokens.liveHeaders(staff, 'injections');
  let next = 0;
  const dose = () => ({ vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: today, siteId: 'LC-TD-01' });

  console.log(
    `# Dose recording — ${machine()}; ${CLIENTS} concurrent clients, ${SECONDS} s each, identity verified beforehand`,
  );
  const bareAppend = async () => {
    const n = ++next;
    await store.append(
      `bare-record-P${n}`,
      [
        {
          id: uuidv7(),
          type: 'DoseRecorded',
          schemaVersion: 1,
          data: {
            doseId: randomUUID(),
            personId: `P${n}`,
            doseNumber: 1,
            ...dose(),
            verificationId: `v-${n}`,
            recordedBy: staff.id,
          },
          metadata: { correlationId: randomUUID(), causationId: null, actor: staff, occurredAt: new Date() },
        },
      ],
      'no_stream',
    );
    return 1;
  };
  let person = 0;
  const recordDose = async () => {
    const n = ++person;
    const res = await client.postJson(`/records/P${n}/doses`, auth, {
      doseId: randomUUID(),
      verificationId: `v-${n}`,
      ...dose(),
    });
    if (res.status !== 201) throw new Error(`recording answered ${res.status}: ${res.text}`);
    return 1;
  };
  // The service's publisher and projections read every phase's appends (the bare ones too): each
  // phase starts once they are through, so one phase's backlog is not the next one's load. Each
  // paced phase follows a phase without pause of the same path, which warms it (JIT, pools, caches).
  const bare = await measure(CLIENTS, SECONDS * 1000, bareAppend);
  await waitForReaders(pool);
  const barePaced = await paced(CLIENTS, RATE, SECONDS * 1000, bareAppend, WARMUP_MS);
  await waitForReaders(pool);
  const http = await measure(CLIENTS, SECONDS * 1000, recordDose);
  await waitForReaders(pool);
  const httpPaced = await paced(CLIENTS, RATE, SECONDS * 1000, recordDose, WARMUP_MS);

  const row = (path: string, r: LatencySummary) =>
    console.log(
      `| ${path} | ${fmt(r.itemsPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p90, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 1)} |`,
    );
  console.log('| path | doses/s | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|');
  row(`bare event-store append of the same events, ${CLIENTS} clients without pause`, bare);
  row(`POST /records/{person}/doses, ${CLIENTS} clients without pause`, http);
  row(`bare event-store append, ${CLIENTS} clients sharing a steady ${RATE}/s`, barePaced);
  row(`POST /records/{person}/doses, ${CLIENTS} clients sharing a steady ${RATE}/s`, httpPaced);
  const sustained = RATE >= 500 && httpPaced.itemsPerSecond >= RATE * 0.98 && http.itemsPerSecond >= RATE;
  console.log(
    `\nratio to the bare append: ${fmt(http.itemsPerSecond / bare.itemsPerSecond, 2)} without pause; ` +
      `${httpPaced.late} of ${fmt(httpPaced.calls)} paced calls went out late (timed from when they were due)`,
  );
  console.log(
    `target ≥ 500/s sustained with p99 < 100 ms, in this run: ${sustained && httpPaced.p99 < 100 ? 'met' : 'NOT met'} ` +
      `(most without pause ${fmt(http.itemsPerSecond)}/s; p99 at a steady ${RATE}/s ${fmt(httpPaced.p99, 1)} ms)`,
  );
  await client.close();
  await service.stop();
  await pool.end();
  await db.drop();
}

runBenchmark(main);
