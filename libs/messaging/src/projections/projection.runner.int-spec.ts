import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type RecordedEvent, UpcasterChain } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool, type PoolClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '../messaging.migrations';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection.runner';
import { runProjectionsCommand } from './projections.command';

// Doses per site: v1 counts doses; v2 also keeps the latest dose date (a new shape, so a rebuild).
const dosesPerSite = (version: number): Projection => ({
  name: 'doses_per_site',
  version,
  createTable: async (tx: PoolClient, table: string) => {
    await tx.query(`create table ${table} (site text primary key, doses int not null, events uuid[] not null default '{}'
      ${version >= 2 ? ', latest date' : ''})`);
  },
  apply: async (tx: PoolClient, table: string, event: RecordedEvent) => {
    const { site, date } = event.data as { site: string; date: string };
    // Idempotent: an event already counted (its id is in the row) changes nothing.
    await tx.query(
      `insert into ${table} (site, doses, events${version >= 2 ? ', latest' : ''}) values ($1, 1, array[$2::uuid]${version >= 2 ? ', $3' : ''})
       on conflict (site) do update set doses = ${table}.doses + 1, events = ${table}.events || $2::uuid
         ${version >= 2 ? `, latest = greatest(${table}.latest, $3)` : ''}
       where not ($2::uuid = any(${table}.events))`,
      version >= 2 ? [site, event.id, date] : [site, event.id],
    );
  },
});

describe('projections from the log', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('projections');
    pool = new Pool({ connectionString: db.url });
    store = new PostgresEventStore(pool);
    await store.migrate();
    await migrate(pool, MESSAGING_MIGRATIONS);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const recordDoses = (site: string, dates: string[]) =>
    store.append(
      `record-${randomUUID()}`,
      dates.map((date) => ({
        id: uuidv7(),
        type: 'DoseRecorded',
        schemaVersion: 1,
        data: { site, date },
        metadata: {
          correlationId: 'c',
          causationId: null,
          actor: { id: 'a', role: 'r', scope: 's' },
          occurredAt: new Date(date),
        },
      })),
      'no_stream',
    );

  it('feeds a read model with checkpoints, then rebuilds it from scratch into a new versioned table', async () => {
    await recordDoses('LC-TD-01', ['2021-11-01', '2021-11-03']);
    await recordDoses('LC-SH-02', ['2021-11-02']);

    const v1 = new ProjectionRunner(pool, store, dosesPerSite(1));
    await v1.prepare();
    expect(await v1.catchUp()).toBe(3);
    await v1.serveReads();
    await recordDoses('LC-TD-01', ['2021-11-05']);
    expect(await v1.catchUp()).toBe(1);
    expect(await v1.catchUp()).toBe(0); // the checkpoint holds: nothing is applied twice

    const read = async () => (await pool.query('select site, doses from doses_per_site order by site')).rows;
    expect(await read()).toEqual([
      { site: 'LC-SH-02', doses: 1 },
      { site: 'LC-TD-01', doses: 3 },
    ]);

    const output = await runProjectionsCommand(['rebuild', 'doses_per_site', '2'], {
      pool,
      store,
      projections: [dosesPerSite(2)],
    });
    expect(output).toEqual(['rebuilt doses_per_site into doses_per_site_v2 from 4 events; reads now use it']);
    expect(await read()).toEqual([
      { site: 'LC-SH-02', doses: 1 },
      { site: 'LC-TD-01', doses: 3 },
    ]);
    const latest = await pool.query(
      `select to_char(latest, 'YYYY-MM-DD') as latest from doses_per_site where site = 'LC-TD-01'`,
    );
    expect(latest.rows[0].latest).toBe('2021-11-05');
    const v1Still = await pool.query('select count(*)::int as n from doses_per_site_v1');
    expect(v1Still.rows[0].n).toBe(2); // the old version stays for comparison until dropped
  });

  it('refuses a rebuild of an unknown projection, or without a version', async () => {
    const deps = { pool, store, projections: [dosesPerSite(1)] };
    await expect(runProjectionsCommand(['rebuild', 'nope', '2'], deps)).rejects.toThrow('no projection nope');
    await expect(runProjectionsCommand(['rebuild', 'doses_per_site'], deps)).rejects.toThrow('usage');
  });

  it('serves and switches companion tables through views of their own, with the main one', async () => {
    // A total beside the per-site rows, in a companion table the same version creates.
    const withTotal = (version: number): Projection => ({
      ...dosesPerSite(version),
      name: 'site_doses',
      companions: ['total'],
      createTable: async (tx, table) => {
        await dosesPerSite(version).createTable(tx, table);
        await tx.query(`create table ${table}_total (version int not null)`);
        await tx.query(`insert into ${table}_total values (${version})`);
      },
    });
    const v1 = new ProjectionRunner(pool, store, withTotal(1));
    await v1.prepare();
    await v1.serveReads();
    const served = async () => (await pool.query('select version from site_doses_total')).rows;
    expect(await served()).toEqual([{ version: 1 }]);

    await runProjectionsCommand(['rebuild', 'site_doses', '2'], { pool, store, projections: [withTotal(2)] });
    expect(await served()).toEqual([{ version: 2 }]);
  });

  it('hands the projection every event in its current version, one stored in an older version upcast', async () => {
    // SiteVisited v1 named the site `site`; v2 calls it `siteId`. The stored v1 event is never rewritten.
    const upcasters = new UpcasterChain().register('SiteVisited', 1, (data) => ({
      siteId: (data as { site: string }).site,
    }));
    const visit = (schemaVersion: number, data: object) => ({
      id: uuidv7(),
      type: 'SiteVisited',
      schemaVersion,
      data,
      metadata: {
        correlationId: 'c',
        causationId: null,
        actor: { id: 'a', role: 'r', scope: 's' },
        occurredAt: new Date(),
      },
    });
    await store.append(
      `visits-${randomUUID()}`,
      [visit(1, { site: 'LC-TD-01' }), visit(2, { siteId: 'LC-SH-02' })],
      'no_stream',
    );
    const seen: { version: number; data: unknown }[] = [];
    const visits = (version: number): Projection => ({
      name: 'site_visits',
      version,
      createTable: async (tx, table) => void (await tx.query(`create table ${table} (site_id text)`)),
      apply: async (tx, table, event) => {
        if (event.type !== 'SiteVisited') return;
        seen.push({ version: event.schemaVersion, data: event.data });
        await tx.query(`insert into ${table} values ($1)`, [(event.data as { siteId: string }).siteId]);
      },
    });

    const runner = new ProjectionRunner(pool, store, visits(1), 1, { upcasters });
    await runner.prepare();
    await runner.catchUp();
    expect(seen).toEqual([
      { version: 2, data: { siteId: 'LC-TD-01' } },
      { version: 2, data: { siteId: 'LC-SH-02' } },
    ]);
    const { rows } = await pool.query('select site_id from site_visits_v1 order by site_id');
    expect(rows).toEqual([{ site_id: 'LC-SH-02' }, { site_id: 'LC-TD-01' }]);

    seen.length = 0; // an operator's rebuild reads through the same upcasters
    await runProjectionsCommand(['rebuild', 'site_visits', '2'], { pool, store, projections: [visits(2)], upcasters });
    expect(seen.map((e) => e.data)).toEqual([{ siteId: 'LC-TD-01' }, { siteId: 'LC-SH-02' }]);
  });
});
