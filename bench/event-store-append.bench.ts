/**
 * Append throughput and p99 latency of the PostgreSQL event store, against a raw `pg` insert of the
 * same rows with the same expected-revision check (the limit), and Emmett's PostgreSQL event store
 * (a peer), on the same database server, measured side by side in one run.
 *   npm run bench:append            (BENCH_SECONDS=3 per cell by default)
 */
import { randomUUID } from 'node:crypto';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore, type NewEvent } from '@vax/event-sourcing';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { fmt, freshDatabase, machine, measure, runBenchmark } from './bench-support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const BATCHES = [1, 10, 100];
const WRITERS = [1, 8, 32];
const data = {
  personId: 'p-001203004567',
  dose: 2,
  vaccine: 'AZD1222',
  lot: 'ABV5811',
  site: 'LC-TD-01',
  date: '2021-11-05',
};
const metadata = {
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' },
};

type Appender = (writer: number, batch: number) => Promise<number>;

function ours(store: PostgresEventStore, run: string): Appender {
  const revisions = new Map<number, bigint | 'no_stream'>();
  return async (w, batch) => {
    const events: NewEvent[] = Array.from({ length: batch }, () => ({
      id: uuidv7(),
      type: 'DoseRecorded',
      schemaVersion: 1,
      data,
      metadata: { ...metadata, occurredAt: new Date() },
    }));
    const result = await store.append(`ours-${run}-${w}`, events, revisions.get(w) ?? 'no_stream');
    revisions.set(w, result.nextExpectedRevision);
    return batch;
  };
}

/** The same rows, one statement, the same check: the stream row's revision must be the expected one. */
function raw(pool: Pool, run: string): Appender {
  const revisions = new Map<number, number>();
  return async (w, batch) => {
    const stream = `raw-${run}-${w}`;
    const expected = revisions.get(w) ?? -1;
    const { rowCount } = await pool.query(
      `with s as (
         insert into raw_streams (stream_name, revision) values ($1, $2::bigint + $3)
         on conflict (stream_name) do update set revision = excluded.revision
           where raw_streams.revision = $2::bigint
         returning revision)
       insert into raw_events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata, occurred_at)
       select t.id, $1, $2::bigint + t.ord, 'DoseRecorded', 1, t.dat, t.meta, now()
       from s, unnest($4::uuid[], $5::jsonb[], $6::jsonb[]) with ordinality as t(id, dat, meta, ord)`,
      [
        stream,
        expected,
        batch,
        Array.from({ length: batch }, () => uuidv7()),
        // Per event, as an adapter must: each event has its own data and metadata.
        Array.from({ length: batch }, () => JSON.stringify(data)),
        Array.from({ length: batch }, () => JSON.stringify({ ...metadata, occurredAt: new Date() })),
      ],
    );
    if (rowCount !== batch) throw new Error('raw append lost the revision race');
    revisions.set(w, expected + batch);
    return batch;
  };
}

function emmett(store: ReturnType<typeof getPostgreSQLEventStore>, run: string): Appender {
  const versions = new Map<number, bigint>();
  return async (w, batch) => {
    const events = Array.from({ length: batch }, () => ({
      type: 'DoseRecorded',
      data,
      metadata: { correlationId: metadata.correlationId },
    }));
    const result = await store.appendToStream(`emmett-${run}-${w}`, events, {
      expectedStreamVersion: versions.get(w) ?? STREAM_DOES_NOT_EXIST,
    });
    versions.set(w, result.nextExpectedStreamVersion);
    return batch;
  };
}

async function main(): Promise<void> {
  const db = await freshDatabase('append');
  const pool = new Pool({ connectionString: db.url, max: 40 });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  await pool.query(`create table raw_streams (stream_name text primary key, revision bigint not null);
    create table raw_events (global_position bigint generated always as identity primary key, event_id uuid not null unique,
      stream_name text not null, stream_revision bigint not null, event_type text not null, schema_version int not null,
      data jsonb not null, metadata jsonb not null, occurred_at timestamptz not null, recorded_at timestamptz not null default now(),
      unique (stream_name, stream_revision))`);
  const emmettStore = getPostgreSQLEventStore(db.url);
  await emmettStore.schema.migrate();

  console.log(
    `# Event store appends — ${machine()}, PostgreSQL ${(await pool.query('show server_version')).rows[0].server_version}, ${SECONDS} s per cell`,
  );
  console.log(
    '| batch | writers | raw pg ev/s | ours ev/s | Emmett ev/s | ours/raw | ours/Emmett | p99 raw ms | p99 ours ms | p99 Emmett ms |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const batch of BATCHES) {
    for (const writers of WRITERS) {
      const run = randomUUID().slice(0, 6);
      const append = { raw: raw(pool, run), ours: ours(store, run), emmett: emmett(emmettStore, run) };
      // Side by side: the three run one after the other on the same server, cell by cell.
      const r = await measure(writers, SECONDS * 1000, (w) => append.raw(w, batch));
      const o = await measure(writers, SECONDS * 1000, (w) => append.ours(w, batch));
      const e = await measure(writers, SECONDS * 1000, (w) => append.emmett(w, batch));
      console.log(
        `| ${batch} | ${writers} | ${fmt(r.itemsPerSecond)} | ${fmt(o.itemsPerSecond)} | ${fmt(e.itemsPerSecond)} | ` +
          `${fmt(o.itemsPerSecond / r.itemsPerSecond, 2)} | ${fmt(o.itemsPerSecond / e.itemsPerSecond, 2)} | ` +
          `${fmt(r.p99, 1)} | ${fmt(o.p99, 1)} | ${fmt(e.p99, 1)} |`,
      );
    }
  }
  await emmettStore.close();
  await pool.end();
  await db.drop();
}

runBenchmark(main);
