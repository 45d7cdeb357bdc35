/**
 * What tracing costs dose recording (issue 21, target ≥ 0.9× of untraced): two injections processes
 * on databases of their own, one with TRACING_ENABLED=false, one with true (the preload, HTTP and pg
 * spans, the event's traceparent, a producer span per published message), 50 clients without pause,
 * phases alternated off/on, on/off, … so drift on a shared machine hits both alike (use an even
 * BENCH_ROUNDS). Spans go to a sink in this process that answers as Zipkin does, so the figure is
 * the services' cost, not Zipkin's.
 *   npm run bench:tracing     (BENCH_SECONDS=10 BENCH_CLIENTS=50 BENCH_ROUNDS=4 BENCH_SAMPLE_RATIO=1)
 * BENCH_SAMPLE_RATIO is the traced process's TRACING_SAMPLE_RATIO (head sampling of new traces).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, migrate } from '@vax/event-sourcing';
import { Pool } from 'pg';
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
  runBenchmark,
  settle,
  startGroupsAtEnd,
  startService,
  waitForReaders,
} from './bench-support';
import { cpuSeconds } from './campaign-processes';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PORTS = { off: 4595, on: 4596 } as const;
const SINK_PORT = 4597;
const PEOPLE = 200_000;
const SAMPLE_RATIO = process.env.BENCH_SAMPLE_RATIO ?? '1';
const PRELOAD = join(__dirname, '../libs/platform/src/tracing/tracing.register.js');
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
const staff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };

type Mode = keyof typeof PORTS;
const load = () =>
  loadavg()
    .map((l) => fmt(l, 2))
    .join(' ');

async function injectionsWith(mode: Mode, tokens: TestActorTokens) {
  const db = await freshDatabase(`tracing_${mode}`);
  const pool = new Pool({ connectionString: db.url, max: 4 });
  await new PostgresEventStore(pool).migrate();
  await migrate(pool, INJECTIONS_MIGRATIONS);
  await pool.query(
    `insert into identity_verifications select 'v-' || i, 'P' || i, 'verified', now() from generate_series(1, $1) as i`,
    [PEOPLE],
  );
  await settle(pool);
  const group = `bench-tracing-${mode}-${randomUUID()}`;
  await startGroupsAtEnd([group]);
  const service = await startService('services/injections/src/main.js', PORTS[mode], {
    DATABASE_URL: db.url,
    KAFKA_BROKERS: KAFKA_BROKERS.join(','),
    KAFKA_CONSUMER_GROUP: group,
    ACTOR_TOKEN_TRUSTED_KEYS: tokens.trustedKeys,
    HTTP_WORKERS: '1',
    NODE_OPTIONS: `--require=${PRELOAD}`,
    TRACING_ENABLED: String(mode === 'on'),
    TRACING_ENDPOINT: `http://127.0.0.1:${SINK_PORT}/api/v2/spans`,
    TRACING_SAMPLE_RATIO: SAMPLE_RATIO,
  });
  return { db, pool, service, client: loadClient(`http://127.0.0.1:${PORTS[mode]}`, CLIENTS) };
}

/** Answers as Zipkin's v2 API does and tallies the spans it receives by name, to see where they go. */
function spanSink() {
  const byName = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const spans = JSON.parse(Buffer.concat(chunks).toString() || '[]') as { name?: string }[];
      for (const { name = '?' } of spans) byName.set(name, (byName.get(name) ?? 0) + 1);
      res.writeHead(202).end();
    });
  }).listen(SINK_PORT, '127.0.0.1');
  const total = () => [...byName.values()].reduce((a, b) => a + b, 0);
  return { byName, total, close: () => server.close() };
}

async function main(): Promise<void> {
  const sink = spanSink();
  const tokens = await TestActorTokens.create();
  const auth = tokens.liveHeaders(staff, 'injections');
  const runs = { off: await injectionsWith('off', tokens), on: await injectionsWith('on', tokens) };
  const next = { off: 0, on: 0 };
  const recordDose = (mode: Mode) => async () => {
    const n = ++next[mode];
    const res = await runs[mode].client.postJson(`/records/P${n}/doses`, auth, {
      doseId: randomUUID(),
      verificationId: `v-${n}`,
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV5811',
      administeredOn: today,
      siteId: 'LC-TD-01',
    });
    if (res.status !== 201) throw new Error(`recording answered ${res.status}: ${res.text}`);
    return 1;
  };

  console.log(
    `# Dose recording with tracing off and on — ${machine()}; ${CLIENTS} clients without pause; ` +
      `sample ratio ${SAMPLE_RATIO}; load average at start ${load()}`,
  );
  // CPU the service used a dose, from the phase's start to its events published: on a machine others
  // load, throughput moves with them, while what the process itself spends a dose does not.
  const results: Record<Mode, (LatencySummary & { cpuMs: number })[]> = { off: [], on: [] };
  // A first short phase of each warms it (JIT, pools); it does not count.
  for (const mode of ['off', 'on'] as const) await measure(CLIENTS, 2_000, recordDose(mode));
  // Rounds alternate which mode goes first (off-on, on-off, …): a phase's aftermath on the shared
  // machine (the database's writes behind it, the other process's timers) then falls on both alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      await waitForReaders(runs[mode].pool);
      const cpu = cpuSeconds(runs[mode].service.pid);
      const phase = await measure(CLIENTS, SECONDS * 1000, recordDose(mode));
      await waitForReaders(runs[mode].pool);
      const cpuMs = ((cpuSeconds(runs[mode].service.pid) - cpu) * 1000) / phase.calls;
      results[mode].push({ ...phase, cpuMs });
    }
  }
  console.log('| tracing | round | doses/s | p50 ms | p99 ms | CPU ms a dose |\n|---|---:|---:|---:|---:|---:|');
  for (const mode of ['off', 'on'] as const) {
    results[mode].forEach((r, i) =>
      console.log(
        `| ${mode} | ${i + 1} | ${fmt(r.itemsPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.cpuMs, 2)} |`,
      ),
    );
  }
  const mean = (mode: Mode) => results[mode].reduce((n, r) => n + r.itemsPerSecond, 0) / results[mode].length;
  const cpuMean = (mode: Mode) => results[mode].reduce((n, r) => n + r.cpuMs, 0) / results[mode].length;
  const ratio = mean('on') / mean('off');
  console.log(
    `\ntraced/untraced throughput: ${fmt(ratio, 2)}× (${fmt(mean('on'))} vs ${fmt(mean('off'))} doses/s); ` +
      `target ≥ 0.9×: ${ratio >= 0.9 ? 'met' : 'NOT met'}; CPU a dose untraced/traced ` +
      `${fmt(cpuMean('off') / cpuMean('on'), 2)}× (${fmt(cpuMean('off'), 2)} vs ${fmt(cpuMean('on'), 2)} ms); load average at end ${load()}`,
  );
  for (const mode of ['off', 'on'] as const) await waitForReaders(runs[mode].pool);
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the batch processor's last export
  console.log(
    `${sink.total()} spans exported for ${next.on} traced doses (${fmt(sink.total() / next.on, 2)} a dose):\n` +
      [...sink.byName].map(([name, n]) => `  ${name}: ${n} (${fmt(n / next.on, 2)} a dose)`).join('\n'),
  );
  for (const mode of ['off', 'on'] as const) {
    await runs[mode].client.close();
    await runs[mode].service.stop();
    await runs[mode].pool.end();
    await runs[mode].db.drop();
  }
  sink.close();
}

runBenchmark(main);
