/** How a failing message is retried before it goes to the dead-letter topic. */
export interface RetryPolicy {
  /** Attempts in all, the first included, for a failure of unknown kind. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** The ceiling of the wait between attempts at a transient failure, retried for as long as it lasts. */
  maxTransientDelayMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  maxTransientDelayMs: 30_000,
};

/**
 * - transient: something away or busy (a database restarting, a connection reset, a timeout, a
 *   serialization failure or deadlock, a peer's 5xx): another attempt later will succeed;
 * - permanent: another attempt can never succeed (a message that breaks its contract, a refusal
 *   marked final, data the database refuses by its constraints or types);
 * - unknown: anything else, retried a few times, then dead-lettered for an operator.
 */
export type FailureKind = 'transient' | 'permanent' | 'unknown';

// SQLSTATE classes and codes (PostgreSQL): 08 connection, 53 resources, 57P0x shutdown/crash,
// 40001 serialization, 40P01 deadlock, 55P03 lock not available; 22 data, 23 integrity, 42 syntax/undefined.
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-4]|40001|40P01|55P03|58000|58030)/;
const PERMANENT_SQLSTATE = /^(22|23|42)/;
const TRANSIENT_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// "database … is not currently accepting connections" (SQLSTATE 55000, a class that also holds
// deterministic refusals, so by its words): an administrator closed the database for maintenance.
const TRANSIENT_MESSAGE =
  /is not currently accepting connections|connection terminated|connection (was )?closed|timeout exceeded|timed out|terminating connection|the database system is (starting up|shutting down)|socket hang up|Client has encountered a connection error/i;

export function classifyFailure(error: unknown): FailureKind {
  if (!(error instanceof Error)) return 'unknown';
  if (error.name === 'InvalidMessageError' || error.name === 'NonRetriableError') return 'permanent';
  if (error.name === 'TransientError') return 'transient';
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (typeof code === 'string' && TRANSIENT_SQLSTATE.test(code)) return 'transient';
  if (typeof code === 'string' && TRANSIENT_ERRNO.has(code)) return 'transient';
  if (typeof code === 'string' && code.length === 5 && PERMANENT_SQLSTATE.test(code)) return 'permanent';
  if (typeof status === 'number' && (status >= 500 || status === 429 || status === 408)) return 'transient';
  if (/^KafkaJS(Connection|RequestTimeout|NumberOfRetriesExceeded)/.test(error.name)) return 'transient';
  if (TRANSIENT_MESSAGE.test(error.message)) return 'transient';
  return 'unknown';
}

/** What to do after `attempt` failures (1-based): wait and try again, or dead-letter now. */
export type RetryDecision = { retry: true; delayMs: number; kind: FailureKind } | { retry: false; kind: FailureKind };

/**
 * Transient failures are retried for as long as they last (capped backoff), so a short outage
 * dead-letters nothing and a key's messages stay in order; permanent ones go to the dead letters
 * at once; unknown ones after `maxAttempts`.
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  const kind = classifyFailure(error);
  if (kind === 'permanent') return { retry: false, kind };
  if (kind === 'transient') {
    const ceiling = policy.maxTransientDelayMs ?? DEFAULT_RETRY_POLICY.maxTransientDelayMs!;
    return { retry: true, kind, delayMs: Math.min(ceiling, backoffDelay({ ...policy, maxDelayMs: ceiling }, attempt)) };
  }
  return attempt < policy.maxAttempts
    ? { retry: true, kind, delayMs: backoffDelay(policy, attempt) }
    : { retry: false, kind };
}

/** Exponential backoff: the wait before attempt `attempt + 1`, after `attempt` failures (1-based). */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 30));
}

/** A failure that another attempt cannot fix (a message that breaks its contract). */
export function isRetriable(error: unknown): boolean {
  return classifyFailure(error) !== 'permanent';
}

export class NonRetriableError extends Error {
  override name = 'NonRetriableError';
}

/** A failure another attempt will fix once something comes back (a peer away, a queue full). */
export class TransientError extends Error {
  override name = 'TransientError';
}
