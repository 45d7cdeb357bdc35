import { type TestDatabase, createTestDatabase, eventually } from '@vax/testing';
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
    const [a, b] = [
      new Pool({ connectionString: db.url }),
      new Pool({ connectionString: db.url, application_name: 'lock-b' }),
    ];
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let aStarted!: () => void;
    const started = new Promise<void>((resolve) => (aStarted = resolve));
    const order: string[] = [];
    const first = whileHoldingLock(
      a,
      'test:one',
      () => false,
      async () => {
        order.push('a starts');
        aStarted();
        await holding;
        order.push('a ends');
      },
    );
    await started;
    const second = whileHoldingLock(
      b,
      'test:one',
      () => false,
      async () => void order.push('b runs'),
    );
    // b has asked for the lock and been refused: its session's last statement, the try, has returned.
    await eventually(async () => expect(await triedAndWaiting(a, 'lock-b')).toBe(true), {
      attempts: 200,
      intervalMs: 25,
    });
    expect(order).toEqual(['a starts']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
    await Promise.all([a.end(), b.end()]);
  }, 15_000);

  it('stops the work when the session holding the lock is lost, and runs it again once it holds the lock again', async () => {
    const pool = new Pool({ connectionString: db.url, application_name: 'lock-lost' });
    const errors: unknown[] = [];
    const runs: string[] = [];
    let stop = false;
    let secondRun!: () => void;
    const ranAgain = new Promise<void>((resolve) => (secondRun = resolve));
    const done = whileHoldingLock(
      pool,
      'test:lost',
      () => stop,
      async (lost) => {
        runs.push(lost.aborted ? 'started lost' : 'started');
        if (runs.length > 1) return secondRun();
        await new Promise((resolve) => lost.addEventListener('abort', resolve));
        runs.push('stopped on loss');
      },
      (error) => errors.push(error),
    );
    await eventually(async () => expect(runs).toEqual(['started']));
    // What a restart of the server does to the session: 57P01, and the advisory lock released with it.
    await pool.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'lock-lost' and pid <> pg_backend_pid()",
    );
    await ranAgain;
    stop = true;
    await done;
    expect(runs).toEqual(['started', 'stopped on loss', 'started']);
    expect(String(errors[0])).toMatch(/lost the session holding test:lost/);
    await pool.end();
  }, 15_000);
});

/** True once a session named `applicationName` has run pg_try_advisory_lock and sits idle, holding no advisory lock. */
async function triedAndWaiting(observer: Pool, applicationName: string): Promise<boolean> {
  const { rows } = await observer.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity s
      where s.application_name = $1 and s.state = 'idle' and s.query like 'select pg_try_advisory_lock(%'
        and not exists (select 1 from pg_locks l where l.pid = s.pid and l.locktype = 'advisory' and l.granted)`,
    [applicationName],
  );
  return rows[0].n > 0;
}
