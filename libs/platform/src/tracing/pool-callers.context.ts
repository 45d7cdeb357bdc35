import { context } from '@opentelemetry/api';

type Connect = (this: unknown, callback?: (...args: unknown[]) => void) => unknown;

/**
 * Makes pg-pool answer each caller in the caller's own trace context. A caller waiting for a
 * connection gets it from inside whichever caller released one, so the callback ran in that
 * releaser's context: a publisher's or projection's poll, queued behind a dose's queries, was traced
 * as part of that dose (the pg instrumentation binds the callback only when a span is active, and the
 * pollers have none on purpose). Promise callers need nothing: an `await` resumes in its own context.
 */
export function keepPoolCallersContext(Pool: { prototype: { connect: Connect } }): void {
  const connect = Pool.prototype.connect;
  Pool.prototype.connect = function (this: unknown, callback) {
    return connect.call(this, typeof callback === 'function' ? context.bind(context.active(), callback) : callback);
  };
}
