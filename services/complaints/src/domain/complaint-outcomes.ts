import { SYSTEM, closed } from './complaint-decisions';
import { evidenceProblems } from './complaint-evidence';
import type * as C from './complaint.commands';
import { ComplaintError, invalid } from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';
import type { FiledComplaint } from './complaint.state';

/** After the decision: the correction as injections made (or refused) it, closure, and late evidence. */

const wrongState = (state: FiledComplaint, expected: string): never => {
  throw new ComplaintError('wrong-state', `the complaint is ${state.status}, not ${expected}`);
};

export function recordCorrection(command: C.RecordCorrection, state: FiledComplaint): ComplaintEvent[] {
  if (state.status === 'corrected') return [];
  if (state.status !== 'accepted' || state.correction.action === 'none') return wrongState(state, 'accepted');
  return [{ type: 'CorrectionApplied', data: { recordId: command.recordId, appliedAt: command.at } }];
}

export function refuseCorrection(command: C.RefuseCorrection, state: FiledComplaint): ComplaintEvent[] {
  if (state.status !== 'accepted') return wrongState(state, 'accepted');
  const { problem, dueAt, at } = command;
  return [{ type: 'CorrectionRefused', data: { problem, dueAt, refusedAt: at } }];
}

export function resolve(command: C.ResolveComplaint, state: FiledComplaint): ComplaintEvent[] {
  const settled = state.status === 'corrected' || (state.status === 'accepted' && state.correction.action === 'none');
  if (!settled) return wrongState(state, 'corrected');
  return [closed('resolved', SYSTEM, command.at, { certificateId: command.certificateId })];
}

export function attach(command: C.AttachEvidence, state: FiledComplaint): ComplaintEvent[] {
  const held = new Set(state.evidence.map((e) => e.sha256));
  const adding = command.evidence.filter((e) => !held.has(e.sha256));
  if (adding.length === 0) return [];
  const problems = evidenceProblems(adding, state.evidence);
  if (problems.length > 0) throw invalid(problems);
  return [{ type: 'EvidenceAttached', data: { evidence: adding, attachedAt: command.at } }];
}
