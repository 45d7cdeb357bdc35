import { cmd, given, historyOf, refusal, stateOf } from './complaint.spec-fixtures';
import type { ComplaintCommand } from './complaint.commands';

// Every state × every command: the events decided, [] (nothing to do), or the refusal's code.

const filed = [cmd.file()];
const checked = [...filed, cmd.identity()];
const assigned = [...checked, cmd.assign()];
const rejected = [...assigned, cmd.reject()];
const histories = {
  none: historyOf(),
  filed: historyOf(...filed),
  'identity-checked': historyOf(...checked),
  assigned: historyOf(...assigned),
  'awaiting-citizen': historyOf(...assigned, cmd.ask()),
  accepted: historyOf(...assigned, cmd.accept()),
  corrected: historyOf(...assigned, cmd.accept(), cmd.corrected()),
  appealed: historyOf(...rejected, cmd.appeal()),
  'closed-resolved': historyOf(...assigned, cmd.accept(), cmd.corrected(), cmd.resolve()),
  'closed-rejected': historyOf(...rejected),
  'closed-withdrawn': historyOf(...filed, cmd.withdraw()),
};
type StateName = keyof typeof histories;

const commands: Record<string, () => ComplaintCommand> = {
  file: cmd.file,
  identity: cmd.identity,
  assign: cmd.assign,
  escalate: cmd.escalate,
  accept: cmd.accept,
  reject: cmd.reject,
  ask: cmd.ask,
  reply: cmd.reply,
  unanswered: cmd.unanswered,
  corrected: cmd.corrected,
  refused: cmd.refused,
  resolve: cmd.resolve,
  appeal: cmd.appeal,
  withdraw: cmd.withdraw,
  attach: cmd.attach,
};
type CommandName = keyof typeof commands;

const W = 'wrong-state';
const CLOSED = 'closed';
const closedExcept = (own: Partial<Record<CommandName, string>>) => ({
  ...Object.fromEntries(Object.keys(commands).map((c) => [c, CLOSED])),
  file: '[]',
  ...own,
});
const openWith = (own: Partial<Record<CommandName, string>>) => ({
  ...Object.fromEntries(Object.keys(commands).map((c) => [c, W])),
  file: '[]',
  identity: '[]',
  withdraw: 'ComplaintClosed',
  attach: 'EvidenceAttached',
  ...own,
});

const expected: Record<StateName, Record<CommandName, string>> = {
  none: { ...Object.fromEntries(Object.keys(commands).map((c) => [c, 'not-found'])), file: 'ComplaintFiled' },
  filed: openWith({ identity: 'IdentityChecked' }),
  'identity-checked': openWith({ assign: 'ComplaintAssigned' }),
  assigned: openWith({
    assign: '[]',
    escalate: 'SlaBreached,ComplaintAssigned',
    accept: 'ComplaintAccepted',
    reject: 'ComplaintClosed',
    ask: 'InformationRequested',
  }),
  'awaiting-citizen': openWith({ reply: 'CitizenReplied', unanswered: 'ComplaintClosed' }),
  accepted: openWith({ corrected: 'CorrectionApplied', refused: 'CorrectionRefused' }),
  corrected: openWith({ corrected: '[]', resolve: 'ComplaintClosed' }),
  appealed: openWith({ assign: 'ComplaintAssigned', appeal: '[]' }),
  'closed-resolved': closedExcept({ resolve: '[]' }),
  'closed-rejected': closedExcept({ appeal: 'ComplaintAppealed' }),
  'closed-withdrawn': closedExcept({ withdraw: '[]' }),
};

function outcome(state: StateName, command: CommandName): string {
  let events: string[] = [];
  const code = refusal(
    () =>
      (events = given(histories[state])
        .when(commands[command]())
        .map((e) => e.type)),
  );
  if (code !== 'no error') return code;
  return events.length === 0 ? '[]' : events.join(',');
}

describe('a complaint in each state, given each command', () => {
  it('reaches the state each history is named after', () => {
    for (const [name, events] of Object.entries(histories)) {
      const state = stateOf(events);
      const status = state.status === 'closed' ? `closed-${state.outcome}` : state.status;
      expect(status).toBe(name);
    }
  });

  const cells = Object.keys(expected).flatMap((state) =>
    Object.keys(commands).map((command) => [state, command, expected[state as StateName][command]] as const),
  );
  it.each(cells)('%s + %s → %s', (state, command, result) => {
    expect(outcome(state as StateName, command)).toBe(result);
  });
});
