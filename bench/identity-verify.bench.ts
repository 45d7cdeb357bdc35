/**
 * Synchronous verification at the injection desk: the identity service as its own process, 50
 * concurrent clients posting typed identities of people from the 480,000-person local registry;
 * side by side with a raw indexed lookup of the same numbers on the same database.
 * Two load shapes: the clients without pause (the most it does; latency there is queueing) and the
 * same clients sharing a steady rate (BENCH_RATE, 200/s by default: the latency a desk gets).
 *   npm run bench:verify     (BENCH_SECONDS=10 BENCH_CLIENTS=50 BENCH_PEOPLE=480000 BENCH_RATE=200)
 */
import { Pool } from 'pg';
import { TestActorTokens } from '../libs/testing/src/actor-tokens';
import { migrate } from '@vax/event-sourcing';
import { loadPopulationReference } from '../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../services/identity/src/adapters/local-registry/synthetic-population';
import { LOCAL_REGISTRY_MIGRATIONS } from '../services/identity/src/adapters/local-registry/local-registry.migrations';
import { LocalPopulationRegistry } from '../services/identity/src/adapters/local-registry/local-population.registry';
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
  startService,
} from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 480_000);
const PORT = 4590;
/** The steady rate of the paced phases, shared by the clients (far above a province's desks). */
const RATE = Number(process.env.BENCH_RATE ?? 200);
const WARMUP_MS = 3_000;

async function main(): Promise<void> {
  const db = await freshDatabase('verify');
  // The baseline's connections stay open, as the service's do: pg's default closes them after 10 s idle,
  // and the paced phase then measured a storm of 48 closes and reconnects 7 s into its window.
  const pool = new Pool({ connectionString: db.url, max: CLIENTS, min: CLIENTS });
  await migrate(pool, LOCAL_REGISTRY_MIGRATIONS);
  await new LocalPopulationRegistry(pool).replaceAll(
    syntheticPopulation(loadPopulationReference(), { size: PEOPLE, seed: 42 }),
  );
  await settle(pool);
  // Ask for a spread-out sample only: a client heap holding the whole population would measure its own GC pauses.
  const people = [...syntheticPopulation(loadPopulationReference(), { size: PEOPLE, seed: 42 })].filter(
    (_, i) => i % 20 === 0,
  );
  const tokens = await TestActorTokens.create();
  const service = await startService('services/identity/src/main.js', PORT, {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: KAFKA_BROKERS.join(','),
    ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
    PUBLISHER_ENABLED: process.env.BENCH_PUBLISHER ?? 'true',
  });
  const client = loadClient(`http://127.0.0.1:${PORT}`, CLIENTS);
  const auth = tokens.liveHeaders({ id: 'bench', role: 'site-staff', scope: 'site:LC-TD-01' }, 'identity');
  const person = () => people[Math.floor(Math.random() * people.length)];

  console.log(
    `# Synchronous verification — ${machine()}; ${fmt(PEOPLE)} people in the local registry, ${CLIENTS} concurrent clients, ${SECONDS} s each`,
  );
  const lookup = async () => {
    await pool.query(
      `select person_id, id_number, old_id_number, full_name, date_of_birth, gender from registry_people where id_number = $1 or old_id_number = $1`,
      [person().idNumber],
    );
    return 1;
  };
  const verifyOne = async () => {
    const p = person();
    const res = await client.postJson('/verifications', auth, {
      typed: { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth, gender: p.gender },
    });
    if (res.status !== 201) throw new Error(`verification answered ${res.status}: ${res.text}`);
    return 1;
  };
  // Each paced phase follows a phase without pause of the same path, which warms it (JIT, pools, caches).
  const raw = await measure(CLIENTS, SECONDS * 1000, lookup);
  const rawPaced = await paced(CLIENTS, RATE, SECONDS * 1000, lookup, WARMUP_MS);
  const http = await measure(CLIENTS, SECONDS * 1000, verifyOne);
  const httpPaced = await paced(CLIENTS, RATE, SECONDS * 1000, verifyOne, WARMUP_MS);

  const row = (path: string, r: LatencySummary) =>
    console.log(
      `| ${path} | ${fmt(r.itemsPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p90, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 1)} |`,
    );
  console.log('| path | per second | p50 ms | p90 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|');
  row(`raw indexed lookup (pg, same database), ${CLIENTS} clients without pause`, raw);
  row(`POST /verifications (parse, lookup, compare, event appended, HTTP), ${CLIENTS} clients without pause`, http);
  row(`raw indexed lookup, ${CLIENTS} clients sharing a steady ${RATE}/s`, rawPaced);
  row(`POST /verifications, ${CLIENTS} clients sharing a steady ${RATE}/s`, httpPaced);
  console.log(
    `\nratio of throughput to the raw lookup: ${fmt(http.itemsPerSecond / raw.itemsPerSecond, 2)}; ` +
      `p99 target < 20 ms: without pause ${http.p99 < 20 ? 'met' : 'NOT met'} (${fmt(http.p99, 1)} ms), ` +
      `at a steady ${RATE}/s ${httpPaced.p99 < 20 ? 'met' : 'NOT met'} (${fmt(httpPaced.p99, 1)} ms)`,
  );
  await client.close();
  await service.stop();
  await pool.end();
  await db.drop();
}

runBenchmark(main);
