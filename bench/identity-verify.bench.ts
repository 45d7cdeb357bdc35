/**
 * Synchronous verification at the injection desk: the identity service as its own process, 50
 * concurrent clients posting typed identities of people from the 480,000-person local registry;
 * side by side with a raw indexed lookup of the same numbers on the same database.
 *   npm run bench:verify     (BENCH_SECONDS=10 BENCH_CLIENTS=50 BENCH_PEOPLE=480000)
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { ACTOR_HEADER, signActorToken } from '../libs/platform/src/auth/actor-token';
import { migrate } from '@vax/event-sourcing';
import { loadPopulationReference } from '../services/identity/src/population/population-reference';
import { syntheticPopulation } from '../services/identity/src/population/synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from '../services/identity/src/registry/local-registry.migrations';
import { LocalPopulationRegistry } from '../services/identity/src/registry/local-population.registry';
import {
  KAFKA_BROKERS,
  fmt,
  freshDatabase,
  loadClient,
  machine,
  measure,
  percentile,
  runBenchmark,
  startService,
} from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 480_000);
const PORT = 4590;
const RATE = Number(process.env.BENCH_RATE ?? 100);

/** Sends at a fixed rate whatever the answers' pace, and records each latency. */
async function openLoop(rate: number, durationMs: number, op: () => Promise<number>) {
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < (rate * durationMs) / 1000; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = performance.now();
    inFlight.push(op().then(() => void latencies.push(performance.now() - t0)));
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    itemsPerSecond: latencies.length / ((performance.now() - start) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function main(): Promise<void> {
  const db = await freshDatabase('verify');
  const pool = new Pool({ connectionString: db.url, max: CLIENTS });
  await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
  await new LocalPopulationRegistry(pool).replaceAll(
    syntheticPopulation(loadPopulationReference(), { size: PEOPLE, seed: 42 }),
  );
  // Ask for a spread-out sample only: a client heap holding the whole population would measure its own GC pauses.
  const people = [...syntheticPopulation(loadPopulationReference(), { size: PEOPLE, seed: 42 })].filter(
    (_, i) => i % 20 === 0,
  );
  const secret = randomBytes(32).toString('hex');
  const service = await startService('services/identity/src/main.js', PORT, {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: KAFKA_BROKERS.join(','),
    SERVICE_AUTH_SECRET: secret,
    PUBLISHER_ENABLED: process.env.BENCH_PUBLISHER ?? 'true',
  });
  const client = loadClient(`http://127.0.0.1:${PORT}`, CLIENTS);
  const token = signActorToken({ id: 'bench', role: 'site-staff', scope: 'site:LC-TD-01' }, secret, Date.now(), 3_600);
  const person = () => people[Math.floor(Math.random() * people.length)];

  console.log(
    `# Synchronous verification — ${machine()}; ${fmt(PEOPLE)} people in the local registry, ${CLIENTS} concurrent clients, ${SECONDS} s each`,
  );
  const raw = await measure(CLIENTS, SECONDS * 1000, async () => {
    await pool.query(
      `select person_id, id_number, old_id_number, full_name, date_of_birth, gender from registry_people where id_number = $1 or old_id_number = $1`,
      [person().idNumber],
    );
    return 1;
  });
  const verifyOne = async () => {
    const p = person();
    const res = await client.postJson(
      '/verifications',
      { [ACTOR_HEADER]: token },
      { typed: { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth, gender: p.gender } },
    );
    if (res.status !== 201) throw new Error(`verification answered ${res.status}: ${res.text}`);
    return 1;
  };
  await openLoop(RATE, 2_000, verifyOne); // warm-up: JIT, pools, the publisher's first batches
  const paced = await openLoop(RATE, SECONDS * 1000, verifyOne);
  const http = await measure(CLIENTS, SECONDS * 1000, verifyOne);
  console.log('| path | per second | p50 ms | p99 ms |\n|---|---:|---:|---:|');
  console.log(
    `| raw indexed lookup (pg, same database) | ${fmt(raw.itemsPerSecond)} | ${fmt(raw.p50, 1)} | ${fmt(raw.p99, 1)} |`,
  );
  console.log(
    `| POST /verifications (parse, registry lookup, compare, event appended, HTTP) | ${fmt(http.itemsPerSecond)} | ${fmt(http.p50, 1)} | ${fmt(http.p99, 1)} |`,
  );
  console.log(
    `| POST /verifications at a steady ${RATE}/s (open loop: desks scanning independently) | ${fmt(paced.itemsPerSecond)} | ${fmt(paced.p50, 1)} | ${fmt(paced.p99, 1)} |`,
  );
  console.log(
    `\nratio of throughput to the raw lookup: ${fmt(http.itemsPerSecond / raw.itemsPerSecond, 2)}; p99 target < 20 ms: ${http.p99 < 20 ? 'met' : 'NOT met'}`,
  );
  await client.close();
  await service.stop();
  await pool.end();
  await db.drop();
}

runBenchmark(main);
