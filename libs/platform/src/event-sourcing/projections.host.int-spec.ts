import { randomUUID } from 'node:crypto';
import { PostgresEventStore, migrate, type RecordedEvent } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS, type Projection } from '@vax/messaging';
import { createTestDatabase, eventually, type TestDatabase } from '@vax/testing';
import { Client, Pool, type PoolClient } from 'pg';
import { LifecycleState } from '../health/lifecycle.state';
import { ProjectionsHost } from './projections.host';

const doseCount: Projection = {
  name: 'dose_count',
  version: 1,
  createTable: async (tx: PoolClient, table: string) => {
    await tx.query(`create table ${table} (id uuid primary key)`);
  },
  apply: async (tx: PoolClient, table: string, event: RecordedEvent) => {
    await tx.query(`insert into ${table} values ($1) on conflict do nothing`, [event.id]);
  },
};

describe('the projections host and readiness', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('projections_host');
    pool = new Pool({ connectionString: db.url });
    await new PostgresEventStore(pool).migrate();
    await migrate(pool, MESSAGING_MIGRATIONS);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('is not ready until every projection serves reads (its view exists), then is', async () => {
    const service = `host-test-${randomUUID().slice(0, 8)}`;
    // Another process holds the projections' lock, as a second instance of the service would find it.
    const other = new Client({ connectionString: db.url });
    await other.connect();
    await other.query('select pg_advisory_lock(hashtext($1))', [`projections:${service}`]);

    const lifecycle = new LifecycleState();
    const host = new ProjectionsHost(
      pool,
      new PostgresEventStore(pool),
      { service, migrations: [], projections: [doseCount] } as never,
      lifecycle,
    );
    host.onApplicationBootstrap();
    const probe = lifecycle.componentProbes.get('projections')!;
    await expect(probe()).rejects.toThrow('not serving reads yet: dose_count');

    await other.end(); // the lock passes to this host, which builds the table and the view
    await eventually(() => probe());
    await expect(pool.query('select count(*) from dose_count')).resolves.toMatchObject({ rows: [{ count: '0' }] });
    await host.onApplicationShutdown();
  }, 60_000);
});
