/** How a failing message is retried before it goes to the dead-letter topic. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 };

/** Exponential backoff: the wait before attempt `attempt + 1`, after `attempt` failures (1-based). */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
}

/** A failure that another attempt cannot fix (a message that breaks its contract). */
export function isRetriable(error: unknown): boolean {
  return !(error instanceof Error && (error.name === 'InvalidMessageError' || error.name === 'NonRetriableError'));
}

export class NonRetriableError extends Error {
  override name = 'NonRetriableError';
}
