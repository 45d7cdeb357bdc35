import type { Pool, PoolClient } from 'pg';

/** One schema change, identified by name; applied once, in order, never edited after release. */
export interface Migration {
  name: string;
  sql: string;
}

const LOCK_KEY = 7_726_354_001; // one advisory lock for all migration runs in a database

/**
 * Applies the migrations not yet recorded, each in its own transaction, under an advisory lock so
 * two processes starting together do not race. A recorded migration whose SQL changed is refused.
 */
export async function migrate(pool: Pool, migrations: Migration[]): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`create table if not exists schema_migrations (
      name text primary key, sql_hash text not null, applied_at timestamptz not null default now())`);
    const applied = new Map(
      (await client.query<{ name: string; sql_hash: string }>('select name, sql_hash from schema_migrations')).rows.map(
        (r) => [r.name, r.sql_hash],
      ),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      const hash = await sha256(client, migration.sql);
      const known = applied.get(migration.name);
      if (known === hash) continue;
      if (known) throw new Error(`migration ${migration.name} was changed after it was applied; add a new one instead`);
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query('insert into schema_migrations (name, sql_hash) values ($1, $2)', [migration.name, hash]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

async function sha256(client: PoolClient, text: string): Promise<string> {
  const { rows } = await client.query<{ h: string }>(`select encode(sha256(convert_to($1, 'UTF8')), 'hex') as h`, [
    text,
  ]);
  return rows[0].h;
}
