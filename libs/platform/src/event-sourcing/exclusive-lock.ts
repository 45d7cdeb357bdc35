import type { Pool } from 'pg';

/**
 * Runs `work` while this process holds a session-level advisory lock named `key`, waiting (and
 * trying again every two seconds) while another process holds it, so one instance of a service does
 * the work and another takes over when it stops. Closing the session releases the lock.
 */
export async function whileHoldingLock(
  pool: Pool,
  key: string,
  stopped: () => boolean,
  work: () => Promise<void>,
): Promise<void> {
  const session = await pool.connect();
  try {
    while (!stopped()) {
      const { rows } = await session.query('select pg_try_advisory_lock(hashtext($1)) as locked', [key]);
      if (rows[0].locked) {
        await work();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    session.release(true);
  }
}
