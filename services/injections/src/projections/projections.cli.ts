#!/usr/bin/env node
/**
 * Operator command over injections' read models:
 *   npm run injections:projections -- list
 *   npm run injections:projections -- rebuild <projection> <version>   (DATABASE_URL of injections)
 */
import { PostgresEventStore } from '@vax/event-sourcing';
import { runProjectionsCommand } from '@vax/messaging';
import { Pool } from 'pg';
import { INJECTIONS_PROJECTIONS } from './injections.projections';

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (the injections database) is required');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const lines = await runProjectionsCommand(process.argv.slice(2), {
      pool,
      store: new PostgresEventStore(pool),
      projections: INJECTIONS_PROJECTIONS,
    });
    for (const line of lines) process.stdout.write(`${line}\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`projections: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
