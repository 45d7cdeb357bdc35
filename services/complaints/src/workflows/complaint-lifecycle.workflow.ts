import { ActivityFailure, condition } from '@temporalio/workflow';
import type { Correction } from '../domain/complaint-subject';
import { ClosedByOperator } from './complaint-lifecycle.attention';
import { Lifecycle, certification, now, waitUntil } from './complaint-lifecycle.context';
import type { ComplaintLifecycleInput, Turn } from './complaint-lifecycle.messages';
import { holdTurn } from './complaint-turn';

export type ComplaintOutcome = { complaintId: string; outcome: 'resolved' | 'rejected' | 'withdrawn' };

/**
 * One citizen's complaint from filing to closure (design: "The complaint workflow"). The process is
 * here; the rules are the aggregate's, which every step reaches through an activity's command.
 * identity check → turn at the first unit (registry for identity facts, else the site that gave the
 * dose) → decision, escalations, the citizen's turns → accepted: correction in injections, the
 * DoseCorrected signal, certificate reissued, resolved | rejected: appeal window, an appeal reopens
 * the complaint one level up. The citizen may withdraw at any wait before closure. A step that fails
 * for good waits for its holder or a manager, who has it run again or closes the complaint.
 */
export async function complaintLifecycleWorkflow({ complaintId }: ComplaintLifecycleInput): Promise<ComplaintOutcome> {
  const lc = new Lifecycle(complaintId);
  lc.inbox.install();
  try {
    return await lifecycle(lc);
  } catch (error) {
    if (!(error instanceof ClosedByOperator)) throw error;
    // Closed by the operator (rejected), unless the step that failed came after the complaint closed.
    const outcome = lc.inbox.progress.outcome ?? 'rejected';
    lc.inbox.enter('closed');
    lc.inbox.progress.outcome = outcome;
    return { complaintId, outcome };
  }
}

async function lifecycle(lc: Lifecycle): Promise<ComplaintOutcome> {
  const { complaintId } = lc;
  const close = async (outcome: ComplaintOutcome['outcome']): Promise<ComplaintOutcome> => {
    lc.inbox.enter('closed');
    lc.inbox.progress.outcome = outcome;
    if (outcome !== 'rejected')
      await lc.activities.notifyCitizen({ ...lc.step(`notify-${outcome}`), message: outcome });
    return { complaintId, outcome };
  };

  await lc.activities.notifyCitizen({ ...lc.step('notify-received'), message: 'received' });
  await lc.activities.checkIdentity(lc.step('check-identity'));
  if (await lc.withdraw()) return close('withdrawn');
  let turn: Turn = await lc.activities.assignTurn(lc.step('assign'));
  await lc.activities.notifyHolder({ ...lc.step('notify-assigned'), turn, message: 'assigned' });
  for (;;) {
    const end = await holdTurn(lc, turn);
    if (end.kind === 'withdrawn') return close('withdrawn');
    if (end.kind === 'accepted') {
      const carried = await carryOut(lc, end.correction);
      if (carried.kind !== 'back-to-turn') return close(carried.kind);
      turn = carried.turn;
      continue;
    }
    await lc.activities.notifyCitizen({ ...lc.step('notify-rejected'), message: 'rejected' });
    if (!(await appealWindow(lc, end.appealUntil))) return close('rejected');
    turn = await lc.activities.assignTurn(lc.step('assign-appeal'));
    await lc.activities.notifyHolder({ ...lc.step('notify-assigned'), turn, message: 'assigned' });
  }
}

type Carried = { kind: 'resolved' } | { kind: 'withdrawn' } | { kind: 'back-to-turn'; turn: Turn };

/** Accepted: injections corrects the record (answered by a signal from Kafka), certification reissues. */
async function carryOut(lc: Lifecycle, correction: Correction): Promise<Carried> {
  if (correction.action !== 'none') {
    const request = lc.step('request-correction');
    const requested = await lc.activities.requestCorrection(request);
    if (requested.kind === 'refused') return { kind: 'back-to-turn', turn: requested.turn };
    lc.inbox.enter('awaiting-correction');
    const answered = () => lc.inbox.corrected !== null || lc.inbox.refusalOf(request.step) !== undefined;
    for (;;) {
      await condition(() => answered() || lc.inbox.has('withdrawals'));
      if (answered()) break;
      if (await lc.withdraw()) return { kind: 'withdrawn' };
    }
    const refusal = lc.inbox.refusalOf(request.step);
    if (!lc.inbox.corrected && refusal) {
      const turn = await lc.activities.refuseCorrection({ ...lc.step('refuse-correction'), problem: refusal.problem });
      return { kind: 'back-to-turn', turn };
    }
    await lc.activities.recordCorrection({ ...lc.step('record-correction'), recordId: lc.inbox.corrected!.recordId });
  }
  lc.inbox.enter('reissuing-certificate');
  const certificateId = await reissuedCertificate(lc);
  await lc.activities.resolve({ ...lc.step('resolve'), certificateId });
  return { kind: 'resolved' };
}

/** The certificate certification issued after the correction; null if none came within the time allowed. */
async function reissuedCertificate(lc: Lifecycle): Promise<string | null> {
  const since = now().toISOString();
  try {
    return (await certification.reissueCertificate({ ...lc.step('reissue-certificate'), since })).certificateId;
  } catch (error) {
    if (error instanceof ActivityFailure) return null;
    throw error;
  }
}

/** Rejected (and closed): the citizen may appeal until `appealUntil`; an accepted appeal reopens it. */
async function appealWindow(lc: Lifecycle, appealUntil: string): Promise<boolean> {
  for (;;) {
    lc.inbox.enter('appeal-window');
    lc.inbox.progress.appealUntil = appealUntil;
    if (!(await waitUntil(appealUntil, () => lc.inbox.has('appeals')))) return false;
    const result = await lc.activities.appeal({ ...lc.step('appeal'), ...lc.inbox.take('appeals') });
    if (!('refused' in result)) {
      lc.inbox.settle('appeals');
      await lc.activities.notifyCitizen({ ...lc.step('notify-appeal-received'), message: 'appeal-received' });
      return true;
    }
  }
}
