/**
 * Dose recording through the HTTP API with identity already verified: the injections service as its
 * own process, 50 concurrent clients each recording first doses for people verified just before;
 * side by side with the bare event-store append of the same events.
 *   npm run bench:doses     (BENCH_SECONDS=10 BENCH_CLIENTS=50)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore, migrate } from '@vax/event-sourcing';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ACTOR_HEADER, signActorToken } from '../libs/platform/src/auth/actor-token';
import { INJECTIONS_MIGRATIONS } from '../services/injections/src/application/injections.migrations';
import {
  KAFKA_BROKERS,
  fmt,
  freshDatabase,
  loadClient,
  machine,
  measure,
  runBenchmark,
  startService,
  waitForReaders,
} from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PORT = 4591;
const PEOPLE = 200_000;
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
const staff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };

async function main(): Promise<void> {
  const db = await freshDatabase('doses');
  const pool = new Pool({ connectionString: db.url, max: CLIENTS });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  await migrate(pool, INJECTIONS_MIGRATIONS);
  // Identity already verified: the facts injections would have learnt from identity.events.v1.
  await pool.query(
    `insert into identity_verifications select 'v-' || i, 'P' || i, 'verified', now() from generate_series(1, $1) as i`,
    [PEOPLE],
  );
  const secret = randomBytes(32).toString('hex');
  const service = await startService('services/injections/src/main.js', PORT, {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: KAFKA_BROKERS.join(','),
    KAFKA_CONSUMER_GROUP: `bench-${randomUUID()}`,
    SERVICE_AUTH_SECRET: secret,
    HTTP_WORKERS: process.env.BENCH_HTTP_WORKERS ?? '2',
  });
  const client = loadClient(`http://127.0.0.1:${PORT}`, CLIENTS);
  const token = signActorToken(staff, secret, Date.now(), 3_600);
  let next = 0;
  const dose = () => ({ vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: today, siteId: 'LC-TD-01' });

  console.log(
    `# Dose recording — ${machine()}; ${CLIENTS} concurrent clients, ${SECONDS} s each, identity verified beforehand`,
  );
  const bare = await measure(CLIENTS, SECONDS * 1000, async () => {
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
  });
  next = 0;
  // The service's publisher and projections read the bare appends too: measure only once they are through.
  await waitForReaders(pool);
  const http = await measure(CLIENTS, SECONDS * 1000, async () => {
    const n = ++next;
    const res = await client.postJson(
      `/records/P${n}/doses`,
      { [ACTOR_HEADER]: token },
      { doseId: randomUUID(), verificationId: `v-${n}`, ...dose() },
    );
    if (res.status !== 201) throw new Error(`recording answered ${res.status}: ${res.text}`);
    return 1;
  });
  console.log('| path | doses/s | p50 ms | p99 ms |\n|---|---:|---:|---:|');
  console.log(
    `| bare event-store append of the same events | ${fmt(bare.itemsPerSecond)} | ${fmt(bare.p50, 1)} | ${fmt(bare.p99, 1)} |`,
  );
  console.log(
    `| POST /records/{person}/doses (validate, verification fact, load, decide, append, HTTP) | ${fmt(http.itemsPerSecond)} | ${fmt(http.p50, 1)} | ${fmt(http.p99, 1)} |`,
  );
  console.log(
    `\nratio to the bare append: ${fmt(http.itemsPerSecond / bare.itemsPerSecond, 2)}; target 500/s with p99 < 100 ms: ${http.itemsPerSecond >= 500 && http.p99 < 100 ? 'met' : 'NOT met'}`,
  );
  await client.close();
  await service.stop();
  await pool.end();
  await db.drop();
}

runBenchmark(main);
