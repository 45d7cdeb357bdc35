import { WorkflowUpdateFailedError } from '@temporalio/client';
import { correctLot, stationStaff } from '../activities/lifecycle.spec-fixtures';
import { ComplaintWorkflowHarness, type RunContext } from '../worker/complaint-workflow.spec-fixtures';
import {
  type LifecycleStage,
  appealSignal,
  citizenReplySignal,
  correctionRefusedSignal,
  decideUpdate,
  decisionSignal,
  recordCorrectedSignal,
  withdrawSignal,
} from './complaint-lifecycle.messages';

// Withdrawal during each wait, and the other ends a complaint can reach, on the time-skipping server.

const citizen = { id: 'citizen-1', role: 'citizen', scope: 'person:citizen-1' };
const stranger = { id: 'citizen-2', role: 'citizen', scope: 'person:citizen-2' };
const accept = {
  decisionId: 'd-acc',
  decidedBy: stationStaff,
  kind: 'accept' as const,
  correction: correctLot,
  note: '',
};
const ask = {
  decisionId: 'd-ask',
  decidedBy: stationStaff,
  kind: 'ask-citizen' as const,
  question: 'Xin ảnh giấy xác nhận.',
};
const eventTypes = async ({ bed, handle }: RunContext) =>
  (await bed.store.readStream(handle.workflowId)).map((e) => e.type);

describe('the complaint lifecycle workflow, every way it ends', () => {
  let harness: ComplaintWorkflowHarness;
  beforeAll(async () => {
    harness = await ComplaintWorkflowHarness.start();
    await harness.skipTo(await harness.next(2, '08:00'));
  }, 180_000);
  afterAll(() => harness?.env.teardown());

  const untilStage: Record<string, (ctx: RunContext) => Promise<unknown>> = {
    'awaiting-decision': async () => undefined,
    'awaiting-citizen': ({ handle }) => handle.signal(decisionSignal, ask),
    'awaiting-correction': ({ handle }) => handle.signal(decisionSignal, accept),
  };
  it.each(Object.keys(untilStage))(
    'is withdrawn by the citizen while %s; a stranger cannot',
    async (stage) => {
      await harness.run(`withdraw-${stage}`, async (ctx) => {
        await ctx.reaches((p) => p.stage === 'awaiting-decision');
        await untilStage[stage](ctx);
        await ctx.reaches((p) => p.stage === (stage as LifecycleStage));
        await ctx.handle.signal(withdrawSignal, { citizen: stranger, reason: 'không phải của tôi' });
        await ctx.handle.signal(withdrawSignal, { citizen, reason: 'Trạm đã sửa trực tiếp' });
        expect(await ctx.outcome()).toEqual({ complaintId: `withdraw-${stage}`, outcome: 'withdrawn' });
        expect((await eventTypes(ctx)).filter((t) => t === 'ComplaintClosed')).toHaveLength(1);
        expect(ctx.bed.notifications.templates()).toContain('complaint-withdrawn');
      });
    },
    60_000,
  );

  it('closes rejected when the citizen does not answer in time, and closes for good after the appeal window', async () => {
    await harness.run('unanswered', async (ctx) => {
      await ctx.reaches((p) => p.stage === 'awaiting-decision');
      await ctx.handle.signal(decisionSignal, ask);
      const asked = await ctx.reaches((p) => p.stage === 'awaiting-citizen');
      await harness.skipTo(Date.parse(asked.paused!.replyBy) + 60_000);
      const window = await ctx.reaches((p) => p.stage === 'appeal-window');
      expect(ctx.bed.notifications.templates()).toEqual(
        expect.arrayContaining(['complaint-information-requested', 'complaint-reply-reminder', 'complaint-rejected']),
      );
      expect(await ctx.bed.complaints.load('unanswered')).toMatchObject({
        outcome: 'rejected',
        reason: 'citizen-did-not-reply',
      });
      await harness.skipTo(Date.parse(window.appealUntil!) + 60_000);
      expect((await ctx.outcome()).outcome).toBe('rejected');
      await ctx.handle.signal(appealSignal, { citizen, grounds: 'muộn' }).catch(() => undefined); // closed: no effect
      expect(await eventTypes(ctx)).not.toContain('ComplaintAppealed');
    });
  }, 60_000);

  it('hands the turn back when injections refuses the correction, and resolves on the second acceptance', async () => {
    await harness.run('correction-refused', async (ctx) => {
      await ctx.reaches((p) => p.stage === 'awaiting-decision');
      await ctx.handle.signal(decisionSignal, accept);
      await ctx.reaches((p) => p.stage === 'awaiting-correction');
      const [first] = ctx.bed.injections.requests;
      await ctx.handle.signal(correctionRefusedSignal, {
        commandId: 'an-older-command',
        problem: 'stale',
        eventId: 'e-0',
      });
      await ctx.handle.signal(correctionRefusedSignal, {
        commandId: first.commandId,
        problem: 'lotNumber:known',
        eventId: 'e-1',
      });
      await ctx.reaches((p) => p.stage === 'awaiting-decision');
      await ctx.handle.signal(decisionSignal, { ...accept, decisionId: 'd-acc-2' });
      await ctx.reaches((p) => p.stage === 'awaiting-correction' && ctx.bed.injections.requests.length === 2);
      expect(ctx.bed.injections.requests[1].commandId).not.toBe(first.commandId);
      await ctx.handle.signal(correctionRefusedSignal, {
        commandId: first.commandId,
        problem: 'again',
        eventId: 'e-1',
      });
      await ctx.handle.signal(recordCorrectedSignal, { recordId: 'p-1/2', eventId: 'e-2' });
      expect((await ctx.outcome()).outcome).toBe('resolved');
      const types = await eventTypes(ctx);
      expect(types.filter((t) => t === 'CorrectionRefused')).toHaveLength(1);
      expect(types).toContain('CorrectionApplied');
    });
  }, 60_000);

  it('answers decisions sent as updates: an outsider is refused, and of two staff at once one wins', async () => {
    await harness.run('decided-at-once', async (ctx) => {
      await ctx.reaches((p) => p.stage === 'awaiting-decision');
      const outsider = { ...stationStaff, id: 'staff-30', scope: 'site:LC-PT-01' };
      expect(
        await ctx.handle.executeUpdate(decideUpdate, {
          args: [{ ...accept, decisionId: 'd-out', decidedBy: outsider }],
        }),
      ).toEqual({
        outcome: 'refused',
        code: 'not-allowed',
      });
      const colleague = { ...stationStaff, id: 'staff-18' };
      const reject = {
        decisionId: 'd-rej',
        decidedBy: colleague,
        kind: 'reject' as const,
        reason: 'record-already-correct' as const,
        note: 'Đúng',
      };
      const results = await Promise.allSettled([
        ctx.handle.executeUpdate(decideUpdate, { args: [accept] }),
        ctx.handle.executeUpdate(decideUpdate, { args: [reject] }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won.map((r) => r.value.outcome)).toEqual([expect.stringMatching(/^(accepted|rejected)$/)]);
      expect(lost.map((r) => r.reason)).toEqual([expect.any(WorkflowUpdateFailedError)]);
      // The winner asked again with its id gets the same answer.
      const winner = results[0].status === 'fulfilled' ? accept : reject;
      expect(await ctx.handle.executeUpdate(decideUpdate, { args: [winner] })).toEqual(won[0].value);
    });
  }, 60_000);

  it('takes the first of two decisions sent at once', async () => {
    await harness.run('first-decision-wins', async (ctx) => {
      await ctx.reaches((p) => p.stage === 'awaiting-decision');
      await ctx.handle.signal(decisionSignal, accept);
      await ctx.handle.signal(decisionSignal, {
        decisionId: 'd-rej',
        decidedBy: stationStaff,
        kind: 'reject',
        reason: 'record-already-correct',
        note: 'Đúng rồi',
      });
      await ctx.reaches((p) => p.stage === 'awaiting-correction');
      await ctx.handle.signal(recordCorrectedSignal, { recordId: 'p-1/2', eventId: 'e-3' });
      expect((await ctx.outcome()).outcome).toBe('resolved');
      expect((await eventTypes(ctx)).filter((t) => t === 'ComplaintAccepted' || t === 'ComplaintClosed')).toEqual([
        'ComplaintAccepted',
        'ComplaintClosed',
      ]);
    });
  }, 60_000);

  it('settles wrong personal details on the registry side, without a site or a correction in injections', async () => {
    const registryStaff = { id: 'ca-12', role: 'police-verifier', scope: 'registry:12' };
    const subject = { type: 'personal-details' as const, fields: ['fullName' as const] };
    await harness.run(
      'personal-details',
      async (ctx) => {
        const assigned = await ctx.reaches((p) => p.stage === 'awaiting-decision');
        expect(assigned.turn).toMatchObject({ level: 'registry', unitId: 'registry:12' });
        await ctx.handle.signal(decisionSignal, {
          ...accept,
          decidedBy: registryStaff,
          correction: { action: 'none' },
        });
        expect((await ctx.outcome()).outcome).toBe('resolved');
        expect(ctx.bed.injections.requests).toEqual([]);
        expect(await ctx.bed.complaints.load('personal-details')).toMatchObject({
          status: 'closed',
          outcome: 'resolved',
        });
      },
      { subject, evidence: [] },
    );
  }, 60_000);

  it('ignores a reply nobody asked for, and a reply by someone else than the filer', async () => {
    await harness.run('stray-replies', async (ctx) => {
      await ctx.reaches((p) => p.stage === 'awaiting-decision');
      await ctx.handle.signal(citizenReplySignal, { citizen, message: 'chưa hỏi', evidence: [] });
      await ctx.handle.signal(decisionSignal, ask);
      await ctx.reaches((p) => p.stage === 'awaiting-citizen');
      await ctx.handle.signal(citizenReplySignal, { citizen: stranger, message: 'tôi trả lời', evidence: [] });
      await ctx.handle.signal(citizenReplySignal, { citizen, message: 'Đã gửi', evidence: [] });
      await ctx.reaches((p) => p.stage === 'awaiting-decision' && p.paused === null);
      expect((await eventTypes(ctx)).filter((t) => t === 'CitizenReplied')).toHaveLength(1);
    });
  }, 60_000);
});
