import { ComplaintError } from './complaint.errors';
import {
  citizen,
  cmd,
  given,
  historyOf,
  otherCitizen,
  otherSiteStaff,
  photo,
  refusal,
  stateOf,
} from './complaint.spec-fixtures';

const assigned = historyOf(cmd.file(), cmd.identity(), cmd.assign());
const rules = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ComplaintError) return error.problems.map((p) => `${p.field}:${p.rule}`);
    throw error;
  }
  return [];
};

describe('the turn and its deadline', () => {
  it('escalates a missed deadline: the breach at the old level, the turn at the next', () => {
    expect(given(assigned).when(cmd.escalate())).toEqual([
      {
        type: 'SlaBreached',
        data: { level: 'site', unitId: 'site:LC-TD-01', dueAt: cmd.assign().dueAt, breachedAt: cmd.assign().dueAt },
      },
      {
        type: 'ComplaintAssigned',
        data: {
          level: 'commune-station',
          unitId: 'site:LC-TD-01-TYT',
          dueAt: '2025-03-19T03:30:00.000Z',
          assignedAt: cmd.assign().dueAt,
          cause: 'escalation',
        },
      },
    ]);
    expect(stateOf([...assigned, ...given(assigned).when(cmd.escalate())])).toMatchObject({ breaches: 1 });
  });

  it('does not escalate before the due time, nor the same deadline twice', () => {
    expect(refusal(() => given(assigned).when(cmd.escalate({ at: '2025-03-12T03:29:59.000Z' })))).toBe('not-yet-due');
    const escalated = [...assigned, ...given(assigned).when(cmd.escalate())];
    expect(given(escalated).when(cmd.escalate())).toEqual([]);
  });
});

describe("the holder's decision", () => {
  it('is taken by staff of the unit holding the turn only', () => {
    expect(refusal(() => given(assigned).when(cmd.accept({ decidedBy: otherSiteStaff })))).toBe('not-allowed');
    expect(refusal(() => given(assigned).when(cmd.reject({ decidedBy: citizen })))).toBe('not-allowed');
  });

  it('is taken once: a second decision after the first is a conflict', () => {
    const accepted = [...assigned, ...given(assigned).when(cmd.accept())];
    expect(refusal(() => given(accepted).when(cmd.reject()))).toBe('wrong-state');
  });

  it('accepts with the correction the complaint type calls for', () => {
    expect(
      rules(() => given(assigned).when(cmd.accept({ correction: { action: 'void-dose', doseNumber: 2 } }))),
    ).toEqual(['correction.action:oneOf']);
    const sloppy = cmd.accept({
      correction: {
        action: 'correct-dose',
        doseNumber: 2,
        after: { vaccineCode: 'az', lotNumber: 'L', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
      },
    });
    expect(rules(() => given(assigned).when(sloppy))).toEqual(['correction.after.vaccineCode:format']);
  });

  it('rejects on a listed ground with a note for the citizen, opening the appeal window', () => {
    expect(given(assigned).when(cmd.reject())).toEqual([
      {
        type: 'ComplaintClosed',
        data: expect.objectContaining({
          outcome: 'rejected',
          reason: 'contradicts-certificate',
          appealUntil: '2025-04-10T02:00:00.000Z',
        }),
      },
    ]);
    expect(rules(() => given(assigned).when(cmd.reject({ reason: 'too-busy' as never, note: '' })))).toEqual([
      'note:required',
      'reason:oneOf',
    ]);
    expect(rules(() => given(assigned).when(cmd.reject({ reason: 'citizen-did-not-reply' })))).toEqual([
      'reason:oneOf',
    ]);
  });
});

describe("injections' answer to an accepted correction", () => {
  it('hands the turn back to the unit that accepted, with a new due time, when injections refuses', () => {
    const accepted = historyOf(cmd.file(), cmd.identity(), cmd.assign(), cmd.accept());
    const refused = [...accepted, ...given(accepted).when(cmd.refused())];
    expect(stateOf(refused)).toMatchObject({
      status: 'assigned',
      assignment: { unitId: 'site:LC-TD-01', dueAt: cmd.refused().dueAt, assignedAt: cmd.refused().at },
    });
  });
});

describe("the citizen's turn", () => {
  const asked = [...assigned, ...given(assigned).when(cmd.ask())];

  it('keeps the working time left, and restarts the clock with the new due time and the new photos', () => {
    expect(stateOf(asked)).toMatchObject({ status: 'awaiting-citizen', remainingMinutes: 600 });
    const replied = [...asked, ...given(asked).when(cmd.reply())];
    expect(stateOf(replied)).toMatchObject({
      status: 'assigned',
      assignment: { unitId: 'site:LC-TD-01', dueAt: '2025-03-14T08:00:00.000Z' },
      evidence: [photo(1), photo(2)],
    });
  });

  it('is answered by the filer only, and closes for silence only after the reply window', () => {
    expect(refusal(() => given(asked).when(cmd.reply({ citizen: otherCitizen })))).toBe('not-allowed');
    const early = { ...cmd.unanswered(), at: '2025-03-20T00:00:00.000Z' };
    expect(refusal(() => given(asked).when(early))).toBe('not-yet-due');
    expect(given(asked).when(cmd.unanswered())[0].data).toMatchObject({
      outcome: 'rejected',
      reason: 'citizen-did-not-reply',
    });
  });
});

describe('appeal and withdrawal', () => {
  const rejected = [...assigned, ...given(assigned).when(cmd.reject())];

  it('lets the filer appeal once, within the window', () => {
    expect(refusal(() => given(rejected).when(cmd.appeal({ at: '2025-04-10T02:00:01.000Z' })))).toBe(
      'appeal-window-closed',
    );
    expect(refusal(() => given(rejected).when(cmd.appeal({ citizen: otherCitizen })))).toBe('not-allowed');
    const again = historyOf(
      cmd.file(),
      cmd.identity(),
      cmd.assign(),
      cmd.reject(),
      cmd.appeal(),
      cmd.assign(),
      cmd.reject(),
    );
    expect(refusal(() => given(again).when(cmd.appeal()))).toBe('already-appealed');
  });

  it('reassigns an appealed complaint as an appeal', () => {
    const appealed = [...rejected, ...given(rejected).when(cmd.appeal())];
    expect(given(appealed).when(cmd.assign())[0].data).toMatchObject({ cause: 'appeal' });
  });

  it('is withdrawn by the filer only', () => {
    expect(refusal(() => given(assigned).when(cmd.withdraw({ citizen: otherCitizen })))).toBe('not-allowed');
    expect(given(assigned).when(cmd.withdraw())[0].data).toMatchObject({ outcome: 'withdrawn', closedBy: citizen });
  });

  it('takes a photo sent twice once', () => {
    const attached = [...assigned, ...given(assigned).when(cmd.attach())];
    expect(given(attached).when(cmd.attach())).toEqual([]);
  });
});
