import { InvalidMessageError } from '@vax/contracts';
import { backoffDelay, isRetriable, NonRetriableError } from './retry-policy';

describe('retry policy', () => {
  const policy = { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles the wait after each failure, up to the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('retries ordinary failures (a database that blinked, a timeout)', () => {
    expect(isRetriable(new Error('connection terminated'))).toBe(true);
  });

  it('does not retry a message that breaks its contract, or a failure marked final', () => {
    expect(isRetriable(new InvalidMessageError('t.v1', [{ field: 'eventId', rule: 'isUuid' }]))).toBe(false);
    expect(isRetriable(new NonRetriableError('person was merged away'))).toBe(false);
  });
});
