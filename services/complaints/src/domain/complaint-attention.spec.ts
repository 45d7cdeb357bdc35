import type * as C from './complaint.commands';
import { citizen, cmd, given, historyOf, refusal, siteStaff, stateOf } from './complaint.spec-fixtures';

const manager = { id: 'mgr-1', role: 'manager', scope: 'district:Tam Đường' };
const failure = (over: Partial<C.RecordStepFailure> = {}): C.RecordStepFailure => ({
  type: 'RecordStepFailure',
  step: 'complaint-c-1/5:withdraw',
  errorType: 'Deterministic:DatabaseError:22021',
  at: '2025-03-11T01:00:01.000Z',
  ...over,
});
const retry = (operator = siteStaff): C.RetryFailedStep => ({
  type: 'RetryFailedStep',
  operator,
  at: '2025-03-11T03:00:00.000Z',
});
const close = (over: Partial<C.CloseFailedComplaint> = {}): C.CloseFailedComplaint => ({
  type: 'CloseFailedComplaint',
  operator: manager,
  note: 'Lý do rút có ký tự không lưu được',
  at: '2025-03-11T03:00:00.000Z',
  ...over,
});

const assigned = historyOf(cmd.file(), cmd.identity(), cmd.assign());
const failed = [...assigned, ...given(assigned).when(failure())];

describe('a step that failed for good', () => {
  it('is recorded once, by step: the complaint needs attention and keeps its status', () => {
    expect(given(assigned).when(failure())).toEqual([
      {
        type: 'ComplaintStepFailed',
        data: {
          step: 'complaint-c-1/5:withdraw',
          errorType: 'Deterministic:DatabaseError:22021',
          failedAt: '2025-03-11T01:00:01.000Z',
        },
      },
    ]);
    expect(stateOf(failed)).toMatchObject({
      status: 'assigned',
      attention: { step: 'complaint-c-1/5:withdraw', errorType: 'Deterministic:DatabaseError:22021' },
    });
    expect(given(failed).when(failure({ at: '2025-03-11T01:05:00.000Z' }))).toEqual([]);
  });

  it('is recorded on a closed complaint too (a closing notification can fail)', () => {
    const withdrawn = historyOf(cmd.file(), cmd.identity(), cmd.assign(), cmd.withdraw());
    expect(given(withdrawn).when(failure({ step: 'complaint-c-1/6:notify-withdrawn' }))).toHaveLength(1);
  });

  it('is run again by the holder or a manager: attention cleared, the status unchanged', () => {
    const events = given(failed).when(retry());
    expect(events).toEqual([
      {
        type: 'FailedStepHandled',
        data: {
          step: 'complaint-c-1/5:withdraw',
          action: 'retry',
          handledBy: siteStaff,
          note: '',
          handledAt: '2025-03-11T03:00:00.000Z',
        },
      },
    ]);
    expect(stateOf([...failed, ...events])).toMatchObject({ status: 'assigned', attention: null });
    expect(given(failed).when(retry(manager))).toHaveLength(1);
  });

  it('closes the complaint rejected on the workflow ground, with no appeal window', () => {
    const events = given(failed).when(close());
    expect(events.map((e) => e.type)).toEqual(['FailedStepHandled', 'ComplaintClosed']);
    expect(events[1].data).toMatchObject({
      outcome: 'rejected',
      reason: 'closed-after-failure',
      closedBy: manager,
      appealUntil: null,
    });
    const closed = [...failed, ...events];
    expect(stateOf(closed)).toMatchObject({ status: 'closed', outcome: 'rejected', attention: null });
    expect(refusal(() => given(closed).when(cmd.appeal({ at: '2025-03-11T04:00:00.000Z' })))).toBe(
      'appeal-window-closed',
    );
  });

  it('on a complaint already closed, closing only settles the failed step', () => {
    const withdrawn = historyOf(cmd.file(), cmd.identity(), cmd.assign(), cmd.withdraw(), failure());
    expect(
      given(withdrawn)
        .when(close())
        .map((e) => e.type),
    ).toEqual(['FailedStepHandled']);
  });

  it('is handled by staff only, only while a step needs attention, closing with a note', () => {
    expect(refusal(() => given(failed).when(retry(citizen)))).toBe('not-allowed');
    expect(refusal(() => given(assigned).when(retry()))).toBe('wrong-state');
    expect(refusal(() => given(assigned).when(close()))).toBe('wrong-state');
    expect(refusal(() => given(failed).when(close({ note: ' ' })))).toBe('invalid');
  });

  it('is no ground a site may reject on', () => {
    expect(refusal(() => given(assigned).when(cmd.reject({ reason: 'closed-after-failure' })))).toBe('invalid');
  });
});
