import { patched } from '@temporalio/workflow';
import type { Correction } from '../domain/complaint-subject';
import { type Lifecycle, waitUntil } from './complaint-lifecycle.context';
import type { Turn } from './complaint-lifecycle.messages';

export type TurnEnd =
  { kind: 'accepted'; correction: Correction } | { kind: 'rejected'; appealUntil: string } | { kind: 'withdrawn' };

/**
 * A unit holds the turn until it decides. A missed deadline escalates it one level up (breach
 * recorded, new deadline); asking the citizen stops the clock until they reply.
 */
export async function holdTurn(lc: Lifecycle, first: Turn): Promise<TurnEnd> {
  let turn = first;
  let reminded: string | null = null;
  for (;;) {
    lc.inbox.enter('awaiting-decision', turn);
    if (turn.remindAt && reminded !== turn.dueAt && !(await waitUntil(turn.remindAt, () => woken(lc)))) {
      reminded = turn.dueAt;
      await lc.activities.notifyHolder({ ...lc.step('remind'), turn, message: 'reminder' });
    }
    if (!woken(lc) && !(await waitUntil(turn.dueAt, () => woken(lc)))) {
      turn = await escalate(lc, turn);
      continue;
    }
    if (lc.inbox.has('withdrawals')) {
      if (await lc.withdraw()) return { kind: 'withdrawn' };
      continue;
    }
    const outcome = await lc.activities.recordDecision({ ...lc.step('decision'), decision: lc.inbox.decisions.take() });
    lc.inbox.decisions.decided(
      'refused' in outcome ? { outcome: 'refused', code: outcome.refused } : { outcome: outcome.kind },
    );
    if ('refused' in outcome) continue;
    if (outcome.kind !== 'asked') return outcome;
    const after = await citizensTurn(lc, outcome);
    if (after.kind !== 'resumed') return after;
    turn = after.turn;
  }
}

const woken = (lc: Lifecycle) => lc.inbox.decisions.pending || lc.inbox.has('withdrawals');

async function escalate(lc: Lifecycle, turn: Turn): Promise<Turn> {
  const next = await lc.activities.escalateTurn({ ...lc.step('escalate'), expectedDueAt: turn.dueAt });
  lc.inbox.progress.escalations += 1;
  await lc.activities.notifyHolder({ ...lc.step('notify-escalated'), turn: next, message: 'escalated' });
  return next;
}

/** Added after the first release: running complaints that asked before it replay without a reminder. */
export const CITIZEN_REMINDER_PATCH = 'remind-citizen-before-reply-by';

/**
 * The citizen holds the turn (the SLA clock stopped) until they reply, withdraw, or the reply window
 * ends; reminded once as its end nears.
 */
async function citizensTurn(
  lc: Lifecycle,
  asked: { remainingMinutes: number; replyBy: string; remindAt?: string | null },
): Promise<TurnEnd | { kind: 'resumed'; turn: Turn }> {
  await lc.activities.notifyCitizen({ ...lc.step('notify-asked'), message: 'information-requested' });
  const heard = () => lc.inbox.has('replies') || lc.inbox.has('withdrawals');
  let remindAt = patched(CITIZEN_REMINDER_PATCH) ? (asked.remindAt ?? null) : null;
  for (;;) {
    lc.inbox.enter('awaiting-citizen');
    lc.inbox.progress.paused = { remainingMinutes: asked.remainingMinutes, replyBy: asked.replyBy };
    if (remindAt && !(await waitUntil(remindAt, heard))) {
      remindAt = null;
      await lc.activities.notifyCitizen({ ...lc.step('remind-citizen'), message: 'reply-reminder' });
    }
    if (!(await waitUntil(asked.replyBy, heard))) {
      const { appealUntil } = await lc.activities.closeUnanswered(lc.step('close-unanswered'));
      return { kind: 'rejected', appealUntil };
    }
    if (lc.inbox.has('withdrawals')) {
      if (await lc.withdraw()) return { kind: 'withdrawn' };
      continue;
    }
    const resumed = await lc.activities.resumeTurn({ ...lc.step('resume'), reply: lc.inbox.take('replies') });
    if ('refused' in resumed) continue;
    lc.inbox.settle('replies');
    return { kind: 'resumed', turn: resumed };
  }
}
