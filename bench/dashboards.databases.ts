/**
 * The dashboards bench's loaded databases, fresh for every run or kept between runs: loading the
 * province (1.2 M doses, 100,000 complaint histories) and building its read models takes a quarter of
 * an hour here, and what a route costs does not depend on how recently it was loaded.
 *   BENCH_KEEP_DATABASES=1  loaded databases are named by what they hold and left in place; a later run
 *                           with the same setting finds them and skips the load (it says so). Drop
 *                           `bench_keep_dash_*` to load again.
 */
import { Client } from 'pg';
import { POSTGRES_ADMIN_URL, freshDatabase } from './bench-support';

export const KEEP_DATABASES = process.env.BENCH_KEEP_DATABASES === '1';

export interface LoadedDatabase {
  url: string;
  /** True when a kept database already holds the load: skip loading, its read models are built. */
  loaded: boolean;
  /** Marks a kept database as loaded, once its read models are built. */
  markLoaded(): Promise<void>;
  /** Drops a fresh database; a kept one stays. */
  release(): Promise<void>;
}

/** `what` names the load (service, size, seed): a kept database is only reused for the same one. */
export async function loadedDatabase(service: string, what: string): Promise<LoadedDatabase> {
  if (!KEEP_DATABASES) {
    const db = await freshDatabase(`dash_${service}`);
    return { url: db.url, loaded: false, markLoaded: async () => undefined, release: () => db.drop() };
  }
  const name = `bench_keep_dash_${service}_${what}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  let loaded = exists && (await markedLoaded(url.toString()));
  if (exists && !loaded) await admin.query(`drop database ${name} with (force)`); // a load cut off half-way
  if (!loaded) await admin.query(`create database ${name}`);
  await admin.end();
  console.log(
    loaded
      ? `reusing ${name}, loaded by an earlier run (BENCH_KEEP_DATABASES=1; drop it to load again)`
      : `loading ${name}, kept after the run (BENCH_KEEP_DATABASES=1)`,
  );
  return {
    url: url.toString(),
    loaded,
    markLoaded: async () => {
      const c = new Client({ connectionString: url.toString() });
      await c.connect();
      await c.query('create table if not exists bench_loaded (at timestamptz not null default now())');
      await c.query('insert into bench_loaded default values');
      await c.end();
      loaded = true;
    },
    release: async () => undefined,
  };
}

async function markedLoaded(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`select to_regclass('bench_loaded') is not null as marked`);
    return rows[0].marked as boolean;
  } finally {
    await c.end();
  }
}
