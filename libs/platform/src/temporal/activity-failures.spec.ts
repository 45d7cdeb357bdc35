import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { failureKind, withClassifiedFailures } from './activity-failures';

const pgError = (code: string) => Object.assign(new Error('duplicate key value (id)=(012190004567)'), { code });
const failing = (error: unknown) => withClassifiedFailures({ step: async (_input: string) => Promise.reject(error) });
const attempt = (n: number) => new MockActivityEnvironment({ attempt: n }, { logger: new DefaultLogger('ERROR') });

/** What the activity threw, as Temporal receives it. */
async function thrownAt(n: number, error: unknown): Promise<unknown> {
  try {
    await attempt(n).run(failing(error).step, 'input');
  } catch (thrown) {
    return thrown;
  }
  throw new Error('the activity did not fail');
}

describe('activity failures', () => {
  it.each([
    ['NUL in text (22P05)', 'deterministic', pgError('22P05')],
    ['a check constraint (23514)', 'deterministic', pgError('23514')],
    ['a duplicate key (23505)', 'deterministic', pgError('23505')],
    ['a refused domain command', 'deterministic', Object.assign(new Error('closed'), { name: 'ComplaintError' })],
    [
      'a message breaking its contract',
      'deterministic',
      Object.assign(new Error('x'), { name: 'InvalidMessageError' }),
    ],
    ['an unparsable answer', 'deterministic', new SyntaxError('Unexpected token')],
    ['a 422 from a service', 'deterministic', Object.assign(new Error('422'), { status: 422 })],
    ['a serialization failure (40001)', 'transient', pgError('40001')],
    ['a lost connection (08006)', 'transient', pgError('08006')],
    ['a server shutting down (57P01)', 'transient', pgError('57P01')],
    ['a refused connection', 'transient', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
    ['a 503', 'transient', Object.assign(new Error('503'), { status: 503 })],
    ['a timeout', 'transient', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['fetch failed, refused', 'transient', new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })],
    ['a pooled connection lost', 'transient', new Error('Connection terminated unexpectedly')],
    ['no connection from the pool', 'transient', new Error('timeout exceeded when trying to connect')],
    ['anything else', 'unknown', new Error('something odd')],
  ])('%s is %s', (_what, kind, error) => {
    expect(failureKind(error)).toBe(kind);
  });

  it('fail a deterministic error at the first attempt, non-retryable, without the values it quoted', async () => {
    const thrown = await thrownAt(1, pgError('23505'));
    expect(thrown).toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({ nonRetryable: true, type: 'Deterministic:Error:23505' });
    expect(String((thrown as Error).message)).not.toContain('012190004567');
  });

  it('let a transient error through to be retried, however many attempts it took', async () => {
    const lost = pgError('08006');
    expect(await thrownAt(500, lost)).toBe(lost);
  });

  it('retry an error of unknown kind a bounded number of times, then fail it for good', async () => {
    const odd = new Error('something odd');
    expect(await thrownAt(9, odd)).toBe(odd);
    expect(await thrownAt(10, odd)).toMatchObject({ nonRetryable: true, type: 'Unclassified:Error' });
  });

  it('pass an ApplicationFailure as its author threw it', async () => {
    const decided = ApplicationFailure.retryable('not yet', 'NotYet');
    expect(await thrownAt(50, decided)).toBe(decided);
  });
});
