import { InvalidMessageError } from '@vax/contracts';
import {
  NonRetriableError,
  TransientError,
  backoffDelay,
  classifyFailure,
  decideRetry,
  isRetriable,
} from './retry-policy';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('retry policy', () => {
  const policy = { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 1_000, maxTransientDelayMs: 30_000 };

  it('doubles the wait after each failure, up to the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('sees a database restarting, a reset connection, a deadlock or a peer’s 5xx as transient', () => {
    expect(classifyFailure(pgError('57P01', 'terminating connection due to administrator command'))).toBe('transient');
    expect(classifyFailure(pgError('55000', 'database "injections" is not currently accepting connections'))).toBe(
      'transient',
    );
    expect(classifyFailure(pgError('40001'))).toBe('transient');
    expect(classifyFailure(pgError('ECONNREFUSED'))).toBe('transient');
    expect(classifyFailure(new Error('Connection terminated unexpectedly'))).toBe('transient');
    expect(classifyFailure(new Error('timeout exceeded when trying to connect'))).toBe('transient');
    expect(classifyFailure(Object.assign(new Error('identity answered 503'), { status: 503 }))).toBe('transient');
    expect(classifyFailure(new TransientError('peer away'))).toBe('transient');
  });

  it('sees a broken contract, a final refusal or data the database refuses as permanent', () => {
    expect(classifyFailure(new InvalidMessageError('t.v1', [{ field: 'eventId', rule: 'isUuid' }]))).toBe('permanent');
    expect(classifyFailure(new NonRetriableError('person was merged away'))).toBe('permanent');
    expect(classifyFailure(pgError('23505', 'duplicate key value'))).toBe('permanent');
    expect(classifyFailure(pgError('22P02', 'invalid input syntax'))).toBe('permanent');
    expect(isRetriable(pgError('23502'))).toBe(false);
  });

  it('retries a transient failure for as long as it lasts, with a capped wait, and never dead-letters it', () => {
    const outage = pgError('57P01');
    expect(decideRetry(outage, 1, policy)).toEqual({ retry: true, kind: 'transient', delayMs: 100 });
    expect(decideRetry(outage, 50, policy)).toEqual({ retry: true, kind: 'transient', delayMs: 30_000 });
    expect(decideRetry(outage, 10_000, policy).retry).toBe(true);
  });

  it('dead-letters a permanent failure at once, and an unknown one after the policy’s attempts', () => {
    expect(decideRetry(pgError('23505'), 1, policy)).toEqual({ retry: false, kind: 'permanent' });
    expect(decideRetry(new Error('boom'), 4, policy)).toEqual({ retry: true, kind: 'unknown', delayMs: 800 });
    expect(decideRetry(new Error('boom'), 5, policy)).toEqual({ retry: false, kind: 'unknown' });
  });
});
