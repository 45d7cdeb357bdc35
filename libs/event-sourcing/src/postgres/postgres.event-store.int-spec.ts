import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { RecordedEvent } from '../event-envelope';
import { createTestDatabase } from '@vax/testing';
import { eventStoreContract, newEvent } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres.event-store';

for (const deferredAppends of [false, true])
  eventStoreContract(
    deferredAppends ? 'PostgreSQL, deferred appends honoured' : 'PostgreSQL',
    async () => {
      const db = await createTestDatabase('es_contract');
      const pool = new Pool({ connectionString: db.url, max: 20 });
      const store = new PostgresEventStore(pool, { deferredAppends });
      await store.migrate();
      return {
        store,
        // The append runs inside a transaction that stays open: it has taken its global position
        // and transaction id, but nobody can see it until the commit at the end.
        holdTransactionOpen: async (stream, event, whileOpen) => {
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query(`select es_append($1, 'any', $2, $3, $4, $5::jsonb[], $6::jsonb[], $7)`, [
              stream,
              [event.id],
              [event.type],
              [1],
              [JSON.stringify(event.data)],
              [JSON.stringify({ ...event.metadata })],
              [event.metadata.occurredAt],
            ]);
            await whileOpen();
            await client.query('commit');
          } finally {
            client.release();
          }
        },
        teardown: async () => {
          await pool.end();
          await db.drop();
        },
      };
    },
    { concurrentTransactions: true },
  );

describe('PostgreSQL event store: deferred appends', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase('es_deferred');
    pool = new Pool({ connectionString: db.url, max: 4 });
    store = new PostgresEventStore(pool, { deferredAppends: true });
    await store.migrate();
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const walInsertedUpTo = async () =>
    (await pool.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).rows[0].lsn;
  const walFlushedPast = async (lsn: string) =>
    (await pool.query<{ done: boolean }>('select pg_current_wal_flush_lsn() >= $1::pg_lsn as done', [lsn])).rows[0]
      .done;

  it('hands an event to readers only once the disk has it, so nothing published can outlive a crash', async () => {
    const stream = `verification-${randomUUID()}`;
    const { lastPosition } = await store.append(stream, [newEvent('IdentityVerified')], 'no_stream', {
      durability: 'deferred',
    });
    // The commit record is before this point; the WAL writer may take up to 200 ms to flush it.
    const committedBefore = await walInsertedUpTo();
    let page: RecordedEvent[] = [];
    for (let after: string | undefined; !page.some((e) => e.globalPosition === lastPosition);) {
      page = await store.readAll({ after, maxCount: 1_000 });
      after = page.at(-1)?.checkpoint ?? after;
    }
    expect(await walFlushedPast(committedBefore)).toBe(true);
  });
});

describe('PostgreSQL event store: commit order across a change in the width of transaction ids', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: Pool;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase('es_txid_width');
    pool = new Pool({ connectionString: db.url, max: 2 });
    store = new PostgresEventStore(pool);
    await store.migrate();
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  // A server's transaction ids gain a digit now and then (999 → 1000, 9,999,999 → 10,000,000; a
  // fresh test server passes 1,000 during the suite). Read as text, 1000 sorts before 999: the first
  // page then held the newer transactions, and the checkpoint after it passed over the older ones.
  it('reads the transaction before a power of ten first, and skips nothing when paging across it', async () => {
    const { rows } = await pool.query<{ xmin: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin');
    const xmin = BigInt(rows[0].xmin);
    let power = 10n ** BigInt(String(xmin).length - 1);
    if (power + 2n > xmin) power /= 10n; // every id below must be finished, i.e. below the horizon
    const committedBy = [power - 2n, power - 1n, power, power + 1n];
    // Rows written with those transaction ids directly (the ids are in the past, so no append can
    // produce them now), in a scrambled physical order so that nothing depends on the heap's order.
    for (const index of [2, 0, 3, 1]) {
      const event = newEvent('Counted', { n: index });
      await pool.query(
        `insert into es_events (transaction_id, event_id, stream_name, stream_revision, event_type, schema_version,
           data, metadata, occurred_at)
         values ($1::xid8, $2, $3, 0, $4, 1, $5, $6, $7)`,
        [
          String(committedBy[index]),
          event.id,
          `counter-${index}`,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          event.metadata.occurredAt,
        ],
      );
    }

    const pages: number[][] = [];
    for (let after: string | undefined; ;) {
      const page = await store.readAll({ after, maxCount: 2 });
      if (page.length === 0) break;
      pages.push(page.map((e) => (e.data as { n: number }).n));
      after = page.at(-1)!.checkpoint;
    }
    expect(pages).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
