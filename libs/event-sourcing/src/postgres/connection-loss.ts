import type { Pool } from 'pg';

/**
 * Makes a pool survive its connections being cut: a PostgreSQL restart or fail-over, an
 * administrator terminating backends (57P01), a network drop. pg removes a broken idle client from
 * the pool by itself, but reports the loss as an 'error' event on the client (and, for an idle one,
 * on the pool), and an 'error' event nobody listens to ends a Node process: every service died on
 * the first restart of the database. With these listeners a query in flight fails (its caller
 * answers or retries), the pool opens new connections when asked once the server answers again,
 * and readiness, which queries the same pool, is red meanwhile.
 */
export function survivingConnectionLoss<P extends Pool>(pool: P, onLost: (error: Error) => void): P {
  // An idle client's loss reaches the pool through the client's own 'error', reported below.
  pool.on('error', () => undefined);
  // Every client, idle or checked out: pg leaves a checked-out client's 'error' unheard.
  pool.on('connect', (client) => client.on('error', onLost));
  return pool;
}

/** What is safe to log of a lost connection: the SQLSTATE and the server's words, never a statement. */
export function describeConnectionLoss(error: Error): string {
  const code = (error as { code?: string }).code;
  return code ? `${code} ${error.message}` : error.message;
}
