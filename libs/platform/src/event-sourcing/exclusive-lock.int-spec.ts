import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { whileHoldingLock } from './exclusive-lock';

describe('work under an exclusive lock', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase('exclusive_lock')));
  afterAll(() => db.drop());

  it('retries when the pool has no connection to give (start-up contention) and runs the work once it has', async () => {
    const pool = new Pool({ connectionString: db.url, max: 1, connectionTimeoutMillis: 200 });
    const hog = await pool.connect(); // every connection busy, as when consumers catch up at start
    const errors: unknown[] = [];
    let ran = 0;
    const done = whileHoldingLock(
      pool,
      'test:retry',
      () => false,
      async () => void ran++,
      (error) => {
        errors.push(error);
        if (errors.length === 1) hog.release();
      },
    );
    await done;
    expect(errors.length).toBe(1);
    expect(ran).toBe(1);
    await pool.end();
  });

  it('lets one of two processes do the work while the other waits for the lock', async () => {
    const [a, b] = [new Pool({ connectionString: db.url }), new Pool({ connectionString: db.url })];
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const first = whileHoldingLock(
      a,
      'test:one',
      () => false,
      async () => {
        order.push('a starts');
        await holding;
        order.push('a ends');
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    const second = whileHoldingLock(
      b,
      'test:one',
      () => false,
      async () => void order.push('b runs'),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(order).toEqual(['a starts']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
    await Promise.all([a.end(), b.end()]);
  }, 15_000);
});
