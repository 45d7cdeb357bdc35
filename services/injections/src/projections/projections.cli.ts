#!/usr/bin/env node
/**
 * Operator command over injections' read models:
 *   npm run injections:projections -- list
 *   npm run injections:projections -- rebuild <projection> <version>   (DATABASE_URL of injections)
 * The events are read from the store the service uses (EVENT_STORE, KURRENTDB_URL; PostgreSQL by default).
 */
import { eventStoreKind, openEventStore } from '@vax/event-sourcing';
import { runProjectionsCommand } from '@vax/messaging';
import { Pool } from 'pg';
import { INJECTIONS_PROJECTIONS } from './injections.projections';

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (the injections database) is required');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const kind = eventStoreKind(process.env.EVENT_STORE);
  const store = await openEventStore({ kind, pool, kurrentdbUrl: process.env.KURRENTDB_URL });
  try {
    const lines = await runProjectionsCommand(process.argv.slice(2), {
      pool,
      store,
      projections: INJECTIONS_PROJECTIONS,
    });
    for (const line of lines) process.stdout.write(`${line}\n`);
  } finally {
    await store.close();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`projections: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
