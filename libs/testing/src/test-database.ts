import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testInfrastructure } from './infrastructure';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the real server, so test files never see each other's rows. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const admin = testInfrastructure().postgresAdminUrl;
  const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`create database "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(admin, async (c) => {
        await connectionsGone(c, name);
        await c.query(`drop database if exists "${name}" with (force)`);
      }),
  };
}

/**
 * Waits (a second at most) for the database's connections to close before the drop forces the rest
 * out. pg-pool's `end()` resolves once it has asked its clients to end, not once they have: a forced
 * drop right after sends those closing clients a FATAL 57P01, which the ended pool then raises as an
 * unhandled error in the test that ended it (seen in a full run: sign-in.int-spec).
 */
async function connectionsGone(admin: Client, database: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [database],
    );
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
