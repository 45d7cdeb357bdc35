import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { createComplaintLifecycleActivities } from './complaint-lifecycle.activities';
import { citizen, districtStaff, fileCommand, lifecycleTestbed, stationStaff } from './lifecycle.spec-fixtures';

const AT = '2025-03-07T08:00:00.000Z';
const step = (n: number, name: string) => ({ complaintId: 'c-1', step: `complaint-c-1/${n}:${name}`, at: AT });

async function assigned() {
  const bed = lifecycleTestbed();
  await bed.complaints.execute('c-1', fileCommand('c-1', AT), { actor: citizen, correlationId: 'test' });
  const acts = createComplaintLifecycleActivities(bed.deps);
  const run = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, ...args: A) =>
    new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') }).run(fn, ...args) as Promise<R>;
  await run(acts.checkIdentity, step(1, 'check-identity'));
  await run(acts.assignTurn, step(2, 'assign'));
  return { bed, acts, run };
}

const failure = (run: () => Promise<unknown>) =>
  run().then(
    () => {
      throw new Error('did not fail');
    },
    (error: unknown) => error,
  );

describe('the lifecycle activities, when a step cannot be taken', () => {
  it('fail a write the database refuses for its content at once, non-retryable, without the content', async () => {
    const { bed, acts, run } = await assigned();
    bed.store.append = async () => {
      throw Object.assign(new Error('unsupported Unicode escape sequence: "rút\\u0000"'), { code: '22P05' });
    };
    const thrown = await failure(() => run(acts.withdraw, { ...step(5, 'withdraw'), citizen, reason: 'rút\u0000' }));
    expect(thrown).toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({ nonRetryable: true, type: 'Deterministic:Error:22P05' });
    expect((thrown as Error).message).not.toContain('rút');
  });

  it('leave a transient failure (a reset connection) to be retried', async () => {
    const { bed, acts, run } = await assigned();
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    bed.notifications.send = async () => Promise.reject(reset);
    const turn = { level: 'site' as const, unitId: 'site:LC-TD-01', dueAt: AT, remindAt: null };
    expect(await failure(() => run(acts.notifyHolder, { ...step(3, 'remind'), turn, message: 'reminder' }))).toBe(
      reset,
    );
  });

  it('record the failed step on the complaint, then handle it for the holder or a manager only', async () => {
    const { bed, acts, run } = await assigned();
    const failed = { failedStep: 'complaint-c-1/5:withdraw', errorType: 'Deterministic:Error:22P05' };
    await run(acts.recordStepFailure, { ...step(6, 'record-failure'), ...failed });
    await run(acts.recordStepFailure, { ...step(6, 'record-failure'), ...failed }); // a retried activity
    expect(await bed.complaints.load('c-1')).toMatchObject({ attention: { step: 'complaint-c-1/5:withdraw' } });

    const asCitizen = { ...step(7, 'failed-step-retry'), action: 'retry' as const, operator: citizen, note: '' };
    expect(await run(acts.handleFailedStep, asCitizen)).toEqual({ refused: 'not-allowed' });
    const retry = { ...step(8, 'failed-step-retry'), action: 'retry' as const, operator: stationStaff, note: '' };
    expect(await run(acts.handleFailedStep, retry)).toEqual({ accepted: true });
    expect(await bed.complaints.load('c-1')).toMatchObject({ status: 'assigned', attention: null });

    await run(acts.recordStepFailure, { ...step(9, 'record-failure'), ...failed, failedStep: 'complaint-c-1/9:x' });
    const close = { ...step(10, 'failed-step-close'), action: 'close' as const, operator: districtStaff, note: 'Hỏng' };
    expect(await run(acts.handleFailedStep, close)).toEqual({ accepted: true });
    expect(await bed.complaints.load('c-1')).toMatchObject({ status: 'closed', reason: 'closed-after-failure' });
  });
});
