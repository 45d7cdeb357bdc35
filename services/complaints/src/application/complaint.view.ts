import type { FiledComplaint } from '../domain/complaint.state';

/** A complaint as the people allowed to read it see it: no stated identity or contact (they stay in the store). */
export function complaintView(state: FiledComplaint) {
  const { complaintId, complaintType, subject, evidence, assignment, breaches, appealsUsed } = state;
  const base = {
    complaintId,
    complaintType,
    status: state.status,
    subject,
    evidence: evidence.map(({ evidenceId, mediaType, sizeBytes }) => ({ evidenceId, mediaType, sizeBytes })),
    identityResult: state.identity?.result ?? null,
    /** The registry's id of the person (no personal data): the site opens their record beside the complaint. */
    personId: state.identity?.personId ?? null,
    assignment: assignment && { level: assignment.level, unitId: assignment.unitId, dueAt: assignment.dueAt },
    breaches,
    appealsUsed,
    /** A workflow step that failed for good: the holder or a manager retries it or closes the complaint. */
    needsAttention: state.attention && { step: stepName(state.attention.step), since: state.attention.failedAt },
  };
  switch (state.status) {
    case 'awaiting-citizen':
      return { ...base, question: state.question, replyBy: state.replyBy, pausedMinutesLeft: state.remainingMinutes };
    case 'accepted':
    case 'corrected':
      return { ...base, correction: state.correction };
    case 'closed':
      return {
        ...base,
        outcome: state.outcome,
        reason: state.reason,
        closedAt: state.closedAt,
        appealUntil: state.appealUntil,
      };
    default:
      return base;
  }
}

/** `complaint-<id>/<n>:withdraw` → `withdraw`: the kind of step, not the workflow's key. */
const stepName = (key: string) => key.slice(key.lastIndexOf(':') + 1);
