import type { Pool } from 'pg';

/** Why work under the lock must stop: the session holding the lock is gone, and the lock with it. */
export type LockLostSignal = AbortSignal;

/**
 * Runs `work` while this process holds a session-level advisory lock named `key`, waiting (and
 * trying again every two seconds) while another process holds it, so one instance of a service does
 * the work and another takes over when it stops. Closing the session releases the lock.
 * A failure (the pool exhausted at start-up, the database restarting, the work throwing) is reported
 * and retried with backoff until the process stops: a publisher or projection never stays dead.
 * When the lock's session is lost (the server restarted, the backend was terminated), the lock is
 * released on the server and another instance may take it: `lost` aborts, the work must stop, and
 * the lock is taken again before the work goes on.
 */
export async function whileHoldingLock(
  pool: Pool,
  key: string,
  stopped: () => boolean,
  work: (lost: LockLostSignal) => Promise<void>,
  onError: (error: unknown, retryInMs: number) => void = () => undefined,
): Promise<void> {
  for (let failures = 0; !stopped();) {
    const held = { since: 0 };
    try {
      await holdOnce(pool, key, stopped, work, held);
      return;
    } catch (error) {
      if (stopped()) return;
      // A run that held the lock for a minute starts the backoff over: this outage is a first failure.
      if (held.since > 0 && Date.now() - held.since > 60_000) failures = 0;
      const retryInMs = Math.min(10_000, 1_000 * 2 ** Math.min(failures++, 4));
      onError(error, retryInMs);
      await pause(retryInMs, stopped);
    }
  }
}

async function holdOnce(
  pool: Pool,
  key: string,
  stopped: () => boolean,
  work: (lost: LockLostSignal) => Promise<void>,
  held: { since: number },
): Promise<void> {
  const session = await pool.connect();
  const lost = new AbortController();
  const onLost = (error: Error) => lost.abort(error);
  session.on('error', onLost);
  try {
    while (!stopped()) {
      const { rows } = await session.query('select pg_try_advisory_lock(hashtext($1)) as locked', [key]);
      if (rows[0].locked) {
        held.since = Date.now();
        await work(lost.signal);
        if (lost.signal.aborted) throw new Error(`lost the session holding ${key}: ${String(lost.signal.reason)}`);
        return;
      }
      await pause(2_000, stopped);
    }
  } finally {
    session.release(true);
  }
}

/** Waits `ms`, or less when the process stops meanwhile: shutdown must not wait out a backoff. */
async function pause(ms: number, stopped: () => boolean): Promise<void> {
  for (const until = Date.now() + ms; !stopped() && Date.now() < until;) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
  }
}
