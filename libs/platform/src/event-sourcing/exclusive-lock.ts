import type { Pool } from 'pg';

/**
 * Runs `work` while this process holds a session-level advisory lock named `key`, waiting (and
 * trying again every two seconds) while another process holds it, so one instance of a service does
 * the work and another takes over when it stops. Closing the session releases the lock.
 * A failure (the pool exhausted at start-up, the database restarting, the work throwing) is reported
 * and retried with backoff until the process stops: a publisher or projection never stays dead.
 */
export async function whileHoldingLock(
  pool: Pool,
  key: string,
  stopped: () => boolean,
  work: () => Promise<void>,
  onError: (error: unknown, retryInMs: number) => void = () => undefined,
): Promise<void> {
  for (let attempt = 0; !stopped(); attempt++) {
    try {
      await holdOnce(pool, key, stopped, work);
      return;
    } catch (error) {
      if (stopped()) return;
      const retryInMs = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));
      onError(error, retryInMs);
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}

async function holdOnce(pool: Pool, key: string, stopped: () => boolean, work: () => Promise<void>): Promise<void> {
  const session = await pool.connect();
  try {
    while (!stopped()) {
      const { rows } = await session.query('select pg_try_advisory_lock(hashtext($1)) as locked', [key]);
      if (rows[0].locked) return await work();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    session.release(true);
  }
}
