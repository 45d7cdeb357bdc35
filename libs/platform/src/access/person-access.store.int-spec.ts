import { migrate } from '@vax/event-sourcing';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import type { CallerActor } from '../auth/actor-token';
import { PageRequest, keysetPage } from '../http/keyset-page';
import { PERSON_ACCESS_MIGRATIONS } from './person-access.migrations';
import { PersonAccessStore } from './person-access.store';

describe("the log of who read a person's data, page by page", () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('person_reads');
    pool = new Pool({ connectionString: db.url, max: 2 });
    await migrate(pool, PERSON_ACCESS_MIGRATIONS);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('gives every read once, newest first, reads at the same instant included', async () => {
    const store = new PersonAccessStore(pool, 24);
    const reader = { id: 'staff-1', role: 'site-staff', scope: 'site:LC-TD-01' } as CallerActor;
    for (let i = 0; i < 23; i++) await store.recordRead('P1', reader, `record-${i}`, 'verification');
    await store.recordRead('P2', reader, 'record', 'verification');
    await pool.query(`update person_reads set read_at = timestamptz '2025-03-01' + (id % 5) * interval '1 minute'`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.readsOf(
        'P1',
        keysetPage(Object.assign(new PageRequest(), { cursor, limit: 4 }), ['string', 'number']),
      );
      seen.push(...page.items.map((r) => `${r.readAt} ${r.what}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = (
      await pool.query(`select read_at, what from person_reads where person_id = 'P1' order by read_at desc, id desc`)
    ).rows;
    expect(seen).toEqual(all.map((r) => `${r.read_at.toISOString()} ${r.what}`));
    expect(new Set(seen).size).toBe(23);
  });
});
