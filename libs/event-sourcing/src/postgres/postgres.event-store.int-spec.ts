import { Pool } from 'pg';
import { createTestDatabase } from '@vax/testing';
import { eventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres.event-store';

eventStoreContract(
  'PostgreSQL',
  async () => {
    const db = await createTestDatabase('es_contract');
    const pool = new Pool({ connectionString: db.url, max: 20 });
    const store = new PostgresEventStore(pool);
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
