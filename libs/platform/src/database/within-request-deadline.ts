import type { Pool } from 'pg';
import { requestRefusal } from '../http/request-deadline';

/**
 * Refuses a connection to a request past its deadline or whose client went away, so such a request
 * starts no new transaction (one already started runs to its end). pg-pool's query() acquires
 * through connect() too, with a callback: both forms are covered.
 */
export function withinRequestDeadline<P extends Pool>(pool: P): P {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((...args: unknown[]) => {
    const refusal = requestRefusal();
    if (!refusal) return connect(...args);
    const callback = args[0];
    if (typeof callback === 'function') return void process.nextTick(() => callback(refusal));
    return Promise.reject(refusal);
  }) as P['connect'];
  return pool;
}
