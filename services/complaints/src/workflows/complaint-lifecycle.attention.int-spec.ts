import { WorkflowUpdateFailedError } from '@temporalio/client';
import { districtStaff, stationStaff } from '../activities/lifecycle.spec-fixtures';
import { ComplaintWorkflowHarness, type RunContext } from '../worker/complaint-workflow.spec-fixtures';
import { decideUpdate, failedStepSignal, withdrawSignal } from './complaint-lifecycle.messages';

// A step that fails for good, on the time-skipping server: recorded once, never retried for ever, the
// complaint in need of attention until its holder or a manager retries the step or closes it.

const citizen = { id: 'citizen-1', role: 'citizen', scope: 'person:citizen-1' };
const ask = { decisionId: 'd-ask', decidedBy: stationStaff, kind: 'ask-citizen' as const, question: 'Xin ảnh.' };

/** The store refuses NUL in text as PostgreSQL does (SQLSTATE 22P05); counts the refusals. */
function refusingNul({ bed }: RunContext): () => number {
  const append = bed.store.append.bind(bed.store);
  let refused = 0;
  bed.store.append = async (...args: Parameters<typeof append>) => {
    if (!JSON.stringify(args[1]).includes('\\u0000')) return append(...args);
    refused += 1;
    throw Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' });
  };
  return () => refused;
}

/** The holder's reminders fail with `error` while `failing()` holds; counts the attempts. */
function failingReminders({ bed }: RunContext, error: () => Error, failing: () => boolean): () => number {
  const send = bed.notifications.send.bind(bed.notifications);
  let attempts = 0;
  bed.notifications.send = async (notification) => {
    if (notification.template !== 'complaint-reminder') return send(notification);
    attempts += 1;
    if (failing()) throw error();
    return send(notification);
  };
  return () => attempts;
}

const eventTypes = async ({ bed, handle }: RunContext) =>
  (await bed.store.readStream(handle.workflowId)).map((e) => e.type);

describe('the complaint lifecycle workflow, when a step fails', () => {
  let harness: ComplaintWorkflowHarness;
  beforeAll(async () => {
    harness = await ComplaintWorkflowHarness.start();
    await harness.skipTo(await harness.next(2, '08:00'));
  }, 180_000);
  afterAll(() => harness?.env.teardown());

  it('records a withdrawal the store refuses once, needs attention, and is closed by a manager', async () => {
    await harness.run('attention-close', async (ctx) => {
      await ctx.reaches((p) => p.stage === 'awaiting-decision');
      const refusals = refusingNul(ctx);
      await ctx.handle.signal(withdrawSignal, { citizen, reason: 'rút\u0000' });
      const waiting = await ctx.reaches((p) => Boolean(p.attention));
      expect(waiting.attention).toEqual({
        step: expect.stringMatching(/:withdraw$/),
        errorType: 'Deterministic:Error:22P05',
      });
      expect(await ctx.bed.complaints.load('attention-close')).toMatchObject({
        status: 'assigned',
        attention: { errorType: 'Deterministic:Error:22P05' },
      });
      await harness.skipTo((await harness.now()) + 6 * 3_600_000); // hours pass: no retry
      expect(refusals()).toBe(1);
      // Staff deciding meanwhile are answered at once, not kept waiting.
      await expect(ctx.handle.executeUpdate(decideUpdate, { args: [ask] })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );

      await ctx.handle.signal(failedStepSignal, {
        action: 'close',
        operator: districtStaff,
        note: 'Lý do có ký tự lạ',
      });
      expect(await ctx.outcome()).toEqual({ complaintId: 'attention-close', outcome: 'rejected' });
      expect(await ctx.bed.complaints.load('attention-close')).toMatchObject({
        status: 'closed',
        reason: 'closed-after-failure',
        attention: null,
      });
      expect(await eventTypes(ctx)).toEqual(
        expect.arrayContaining(['ComplaintStepFailed', 'FailedStepHandled', 'ComplaintClosed']),
      );
    });
  }, 90_000);

  it('runs a failed step again when the holder asks, after a citizen could not', async () => {
    await harness.run('attention-retry', async (ctx) => {
      const { turn } = await ctx.reaches((p) => p.stage === 'awaiting-decision');
      let broken = true;
      const gatewayRefuses = () => Object.assign(new Error('gateway refused the request'), { status: 400 });
      const attempts = failingReminders(ctx, gatewayRefuses, () => broken);
      await harness.skipTo(Date.parse(turn!.remindAt!) + 60_000);
      await ctx.reaches((p) => p.attention?.step.endsWith(':remind') === true);
      expect(attempts()).toBe(1);

      await ctx.handle.signal(failedStepSignal, { action: 'retry', operator: citizen, note: '' }); // not staff: refused
      broken = false;
      await ctx.handle.signal(failedStepSignal, { action: 'retry', operator: stationStaff, note: '' });
      await ctx.reaches((p) => p.attention === null);
      expect(ctx.bed.notifications.templates().filter((t) => t === 'complaint-reminder')).toHaveLength(1);
      expect(await ctx.handle.executeUpdate(decideUpdate, { args: [ask] })).toEqual({ outcome: 'asked' });
      const handled = (await ctx.bed.store.readStream(ctx.handle.workflowId)).filter(
        (e) => e.type === 'FailedStepHandled',
      );
      expect(handled.map((e) => e.data)).toEqual([
        expect.objectContaining({ action: 'retry', handledBy: stationStaff }),
      ]);
    });
  }, 90_000);

  it('keeps retrying a transient failure, and needs no attention', async () => {
    await harness.run('transient-retried', async (ctx) => {
      const { turn } = await ctx.reaches((p) => p.stage === 'awaiting-decision');
      const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      const attempts = failingReminders(ctx, reset, () => attempts() < 3);
      await harness.skipTo(Date.parse(turn!.remindAt!) + 60_000);
      await ctx.reaches(() => ctx.bed.notifications.templates().includes('complaint-reminder'));
      expect(attempts()).toBe(3);
      expect((await ctx.handle.query('progress')) as object).toMatchObject({ attention: null });
      expect(await eventTypes(ctx)).not.toContain('ComplaintStepFailed');
    });
  }, 90_000);
});
