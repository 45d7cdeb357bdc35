import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { startConsumerGroupsAtTheEnd } from '../libs/testing/src/kafka-groups';
import { Pool as HttpPool } from 'undici';

/** The admin URL of the PostgreSQL to measure on: BENCH_POSTGRES_URL, or the local stack's. */
export const POSTGRES_ADMIN_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://vax:vax-local-only@127.0.0.1:5432/postgres';
export const KAFKA_BROKERS = (process.env.BENCH_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export async function freshDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${prefix}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** How long `work` took, in seconds. */
export async function secondsOf(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';

/** Runs `writers` loops in parallel for `durationMs`; each call's latency is recorded. */
export async function measure(
  writers: number,
  durationMs: number,
  op: (writer: number, i: number) => Promise<number>,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let items = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        const done = await op(w, i); // not `items += await op()`: that reads `items` before awaiting
        items += done;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencySummary(latencies, items, (performance.now() - started) / 1000);
}

export interface LatencySummary {
  itemsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  calls: number;
}

function latencySummary(latencies: number[], items: number, elapsedSeconds: number): LatencySummary {
  latencies.sort((a, b) => a - b);
  return {
    itemsPerSecond: items / elapsedSeconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    calls: latencies.length,
  };
}

/** A compiled service as its own process, ready when /health/ready answers; its pid, for the CPU meter. */
export async function startService(
  entry: string,
  port: number,
  env: Record<string, string>,
  readyTimeoutMs = 60_000,
): Promise<{ pid: number; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { join } = await import('node:path');
  // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of each service started (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, join(__dirname, '..', entry)], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (i * 250 > readyTimeoutMs || child.exitCode !== null) {
      child.kill('SIGTERM'); // not left running after the benchmark gives up
      throw new Error(`${entry} did not become ready`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs a benchmark's main, exiting 0 when it completes and 1 with the error otherwise. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * A lean HTTP/1.1 client for load generation: undici's pool with `request`, not `fetch` (whose
 * WHATWG streams cost the generator ~1 ms of CPU a call, taken from the service on a 2-core machine).
 */
export function loadClient(origin: string, connections: number) {
  const pool = new HttpPool(origin, { connections, keepAliveTimeout: 10_000, pipelining: 1 });
  return {
    async postJson(
      path: string,
      headers: Record<string, string>,
      body: unknown,
    ): Promise<{ status: number; text: string }> {
      const res = await pool.request({
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.statusCode, text: await res.body.text() };
    },
    close: () => pool.close(),
  };
}

/**
 * Waits until every reader of the event store in this database (the service's publisher and
 * projections, by their checkpoints) has passed its last event, so one phase's backlog is not
 * measured as the next phase's load.
 */
export async function waitForReaders(pool: { query: Client['query'] }, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ behind: number }>(
      `select count(*)::int as behind from subscription_checkpoints c
       where (c.name like 'publisher:%' or c.name like 'projection:%')
         and exists (select 1 from es_events e where (e.transaction_id, e.global_position) >
               (split_part(c.checkpoint, ':', 1)::xid8, split_part(c.checkpoint, ':', 2)::bigint))`,
    );
    if (rows[0].behind === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0].behind} store readers still behind after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Puts fresh consumer groups at the end of every topic, so a service started for a benchmark does
 * not spend the measurement consuming what earlier runs (or other benchmarks) left in Kafka.
 */
export async function startGroupsAtEnd(groups: string[]): Promise<void> {
  await startConsumerGroupsAtTheEnd(KAFKA_BROKERS, groups, 'bench');
}

/**
 * `clients` loops sharing a fixed schedule of `ratePerSecond` calls: client c makes its k-th call at
 * start + (k·clients + c) / rate. The first `warmupMs` of the schedule run but are not counted (the
 * previous phase's aftermath, JIT, pools); then `durationMs` are measured. A call that starts late
 * (the one before it was slow) is timed from when it was due, not when it went out, so a stall is
 * counted in full (no coordinated omission). The rate a service sustains, and the latency at it.
 */
export async function paced(
  clients: number,
  ratePerSecond: number,
  durationMs: number,
  op: () => Promise<number>,
  warmupMs = 0,
): Promise<LatencySummary & { late: number }> {
  const latencies: number[] = [];
  let items = 0;
  let late = 0;
  const started = performance.now();
  const measuredFrom = started + warmupMs;
  const perClient = Math.floor((ratePerSecond * (warmupMs + durationMs)) / 1000 / clients);
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let k = 0; k < perClient; k++) {
        const due = started + ((k * clients + c) * 1000) / ratePerSecond;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const counted = due >= measuredFrom;
        if (counted && wait < -1) late += 1;
        const done = await op();
        if (!counted) continue;
        items += done;
        const latency = performance.now() - due;
        latencies.push(latency);
        if (latency > SLOW_MS) slow.record(due, latency);
      }
    }),
  );
  slow.report();
  return { ...latencySummary(latencies, items, (performance.now() - measuredFrom) / 1000), late };
}

/**
 * BENCH_SLOW_MS=n lists, on stderr, each second of a paced phase in which calls took longer than n ms
 * (wall-clock time, count, slowest), to line the tail up with what else happened then (a disk flush
 * stall, a checkpoint, a GC).
 */
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? Infinity);
const slow = {
  seconds: new Map<number, { count: number; worst: number }>(),
  record(due: number, latency: number): void {
    const second = Math.floor((performance.timeOrigin + due) / 1000);
    const entry = this.seconds.get(second) ?? { count: 0, worst: 0 };
    entry.count += 1;
    entry.worst = Math.max(entry.worst, latency);
    this.seconds.set(second, entry);
  },
  report(): void {
    for (const [second, { count, worst }] of this.seconds) {
      const at = new Date(second * 1000).toISOString().slice(11, 19);
      process.stderr.write(`  slow at ${at}: ${count} calls over ${SLOW_MS} ms, worst ${worst.toFixed(0)} ms\n`);
    }
    this.seconds.clear();
  },
};

/**
 * After a bulk load: vacuum and analyze, then a checkpoint, so the measurement does not meet the
 * load's aftermath (autovacuum on the new tables, a checkpoint writing the loaded pages). The first
 * writes after a checkpoint log whole pages, so a phase without pause should come next, not a
 * latency measurement.
 */
export async function settle(pool: { query: Client['query'] }): Promise<void> {
  await pool.query('vacuum (analyze)');
  await pool.query('checkpoint');
}
