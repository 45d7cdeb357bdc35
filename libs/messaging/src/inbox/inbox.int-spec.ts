import { randomUUID } from 'node:crypto';
import { migrate } from '@vax/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { MESSAGING_MIGRATIONS } from '../messaging.migrations';
import { Inbox } from './inbox';

describe('the inbox: a message applied at most once per consumer', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('inbox');
    pool = new Pool({ connectionString: db.url, max: 12 });
    await migrate(pool, MESSAGING_MIGRATIONS);
    await pool.query('create table effects (message_id uuid not null)');
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const effect = (id: string) => async (tx: import('pg').PoolClient) => {
    await tx.query('insert into effects values ($1)', [id]);
  };
  const effectsOf = async (id: string) =>
    (await pool.query('select count(*)::int as n from effects where message_id = $1', [id])).rows[0].n;

  it('applies a new message and ignores its redelivery', async () => {
    const inbox = new Inbox(pool, 'certification');
    const id = randomUUID();
    expect(await inbox.runOnce(id, effect(id))).toBe('applied');
    expect(await inbox.runOnce(id, effect(id))).toBe('already-applied');
    expect(await effectsOf(id)).toBe(1);
  });

  it('applies the same message once even when delivered to 10 handlers at the same moment', async () => {
    const inbox = new Inbox(pool, 'certification');
    const id = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => inbox.runOnce(id, effect(id))));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(await effectsOf(id)).toBe(1);
  });

  it('rolls the inbox record back with a failed effect, so a retry applies it', async () => {
    const inbox = new Inbox(pool, 'certification');
    const id = randomUUID();
    await expect(inbox.runOnce(id, async () => Promise.reject(new Error('database blinked')))).rejects.toThrow(
      'blinked',
    );
    expect(await inbox.runOnce(id, effect(id))).toBe('applied');
    expect(await effectsOf(id)).toBe(1);
  });

  it('keeps consumers apart: each applies the message once', async () => {
    const id = randomUUID();
    expect(await new Inbox(pool, 'certification').runOnce(id, effect(id))).toBe('applied');
    expect(await new Inbox(pool, 'complaints').runOnce(id, effect(id))).toBe('applied');
    expect(await effectsOf(id)).toBe(2);
  });

  it('applies a batch in one transaction: only the ids not seen before, once, even twice in the batch', async () => {
    const inbox = new Inbox(pool, 'campaign');
    const [seen, a, b] = [randomUUID(), randomUUID(), randomUUID()];
    await inbox.runOnce(seen, effect(seen));
    const given: string[][] = [];
    const applyFresh = async (tx: import('pg').PoolClient, fresh: ReadonlySet<string>) => {
      given.push([...fresh].sort());
      for (const id of fresh) await effect(id)(tx);
    };
    expect(await inbox.runOnceEach([seen, a, b, a], applyFresh)).toBe(2);
    expect(await inbox.runOnceEach([a, b, seen], applyFresh)).toBe(0); // the batch redelivered
    expect(given).toEqual([[a, b].sort()]);
    for (const id of [seen, a, b]) expect(await effectsOf(id)).toBe(1);
  });

  it('rolls a whole batch back with its failed effect, so its redelivery applies every message', async () => {
    const inbox = new Inbox(pool, 'campaign');
    const [a, b] = [randomUUID(), randomUUID()];
    await expect(inbox.runOnceEach([a, b], async () => Promise.reject(new Error('database blinked')))).rejects.toThrow(
      'blinked',
    );
    const applyFresh = async (tx: import('pg').PoolClient, fresh: ReadonlySet<string>) => {
      for (const id of fresh) await effect(id)(tx);
    };
    expect(await inbox.runOnceEach([a, b], applyFresh)).toBe(2);
    expect([await effectsOf(a), await effectsOf(b)]).toEqual([1, 1]);
  });

  it('forgets ids older than the retention, and only those, so the table does not grow for ever', async () => {
    const inbox = new Inbox(pool, 'injections');
    const old = randomUUID();
    const recent = randomUUID();
    await inbox.runOnce(old, effect(old));
    await inbox.runOnce(recent, effect(recent));
    await pool.query(`update inbox_processed set processed_at = now() - interval '20 days' where message_id = $1`, [
      old,
    ]);
    expect(await Inbox.prune(pool, new Date(Date.now() - 14 * 86_400_000), 1)).toBeGreaterThanOrEqual(1);
    const left = await pool.query('select message_id from inbox_processed where message_id = any($1)', [[old, recent]]);
    expect(left.rows.map((r) => r.message_id)).toEqual([recent]);
  });
});
