import { migrate } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { PORTAL_MIGRATIONS } from './portal.migrations';
import { PostgresSessions } from './sessions.table';

describe('portal sessions on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  const actor = { id: 'staff-1', role: 'site-staff', scope: 'site:LC-TD-01' };
  const t0 = new Date('2026-12-07T10:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  beforeAll(async () => {
    db = await createTestDatabase('portal_sessions');
    pool = new Pool({ connectionString: db.url });
    await migrate(pool, PORTAL_MIGRATIONS);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  // The row's version: any UPDATE gives it a new xmin.
  const rowVersion = async () => (await pool.query(`select xmin::text as v, expires_at from sessions`)).rows;

  it('reads a session without writing to it until a tenth of the idle window has gone by', async () => {
    await pool.query('delete from sessions');
    const store = new PostgresSessions(pool, 30);
    const { id } = await store.create(actor, 'Nhân viên', t0);
    const before = await rowVersion();
    for (const minute of [0.5, 1, 2, 2.9]) expect((await store.touch(id, at(minute)))?.actor).toEqual(actor);
    expect(await rowVersion()).toEqual(before);

    const renewed = await store.touch(id, at(3));
    expect(renewed?.expiresAt).toEqual(at(33));
    expect((await rowVersion())[0].expires_at).toEqual(at(33));
  });

  it('expires alike on every replica: no later than the idle window after the last use', async () => {
    await pool.query('delete from sessions');
    const [replicaA, replicaB] = [new PostgresSessions(pool, 30), new PostgresSessions(pool, 30)];
    const { id } = await replicaA.create(actor, 'Nhân viên', t0);
    expect((await replicaB.touch(id, at(10)))?.expiresAt).toEqual(at(40)); // renewed by B
    expect((await replicaA.touch(id, at(12)))?.expiresAt).toEqual(at(40)); // A sees it; not due again yet
    // Last used at 12, gone at 40: within 0.9 to 1 idle window of the last use, on both replicas.
    expect(await replicaA.touch(id, at(40))).toBeUndefined();
    expect(await replicaB.touch(id, at(40.1))).toBeUndefined();
    expect(await rowVersion()).toEqual([]); // deleted as found expired
  });

  it('never moves an expiry backwards when replicas renew out of order, and forgets a destroyed session', async () => {
    await pool.query('delete from sessions');
    const store = new PostgresSessions(pool, 30);
    const { id } = await store.create(actor, 'Nhân viên', t0);
    await store.touch(id, at(20)); // until 50
    expect((await store.touch(id, at(5)))?.expiresAt).toEqual(at(50)); // a slower replica's clock
    await store.destroy(id);
    expect(await store.touch(id, at(21))).toBeUndefined();
  });
});
