import { ApplicationFailure } from '@temporalio/activity';
import { siteOf } from '../domain/complaint-subject';
import type { Correction } from '../domain/complaint-subject';
import type { FiledComplaint } from '../domain/complaint.state';
import { type HandlingUnit, handlingChain, unitAbove } from '../domain/routing/handling-chain';
import type { CitizenReply, SiteDecision, Turn } from '../workflows/complaint-lifecycle.messages';
import {
  type LifecycleDependencies,
  type Refused,
  type StepInput,
  issue,
  issueOnBehalf,
  loadFiled,
  turnOf,
} from './lifecycle-dependencies';

export type DecisionOutcome =
  | { kind: 'accepted'; correction: Correction }
  | { kind: 'rejected'; appealUntil: string }
  | { kind: 'asked'; remainingMinutes: number; replyBy: string; remindAt: string | null }
  | Refused;

/** The turn: identity check, assignment, escalation, the holder's decision and the citizen's reply. */
export function createTurnActivities(deps: LifecycleDependencies) {
  const chainOf = (state: FiledComplaint) => {
    const site = siteOf(state.subject);
    return handlingChain(state.complaintType, site ? deps.sites.placementOf(site) : null, deps.sites.provinceCode);
  };
  const deadlineAt = (at: string, state: FiledComplaint, unit: HandlingUnit) =>
    deps.deadlines.forTurn(new Date(at), state.complaintType, unit.level).dueAt;

  return {
    async checkIdentity(input: StepInput): Promise<{ result: string }> {
      const filing = await deps.complaints.filing(input.complaintId);
      if (!filing) throw ApplicationFailure.nonRetryable(`no complaint ${input.complaintId}`, 'ComplaintMissing');
      const checked = await deps.identity.check({
        key: input.step,
        complaintId: input.complaintId,
        stated: filing.stated,
      });
      await issue(deps, input, { type: 'RecordIdentityCheck', ...checked, at: input.at });
      return { result: checked.result };
    },

    /** The first unit of the chain; after an appeal, the unit above the one that rejected. */
    async assignTurn(input: StepInput): Promise<Turn> {
      const state = await loadFiled(deps, input.complaintId);
      const chain = chainOf(state);
      const unit =
        state.status === 'appealed' && state.assignment ? unitAbove(chain, state.assignment.unitId) : chain[0];
      const dueAt = deadlineAt(input.at, state, unit);
      const { state: after } = await issue(deps, input, { type: 'AssignComplaint', ...unit, dueAt, at: input.at });
      return turnOf(deps, after);
    },

    async escalateTurn(input: StepInput & { expectedDueAt: string }): Promise<Turn> {
      const state = await loadFiled(deps, input.complaintId);
      const unit = unitAbove(chainOf(state), state.assignment?.unitId ?? '');
      const dueAt = deadlineAt(input.at, state, unit);
      const command = {
        type: 'EscalateOverdue' as const,
        expectedDueAt: input.expectedDueAt,
        ...unit,
        dueAt,
        at: input.at,
      };
      return turnOf(deps, (await issue(deps, input, command)).state);
    },

    async recordDecision(input: StepInput & { decision: SiteDecision }): Promise<DecisionOutcome> {
      const result = await issueOnBehalf(deps, input, await decisionCommand(deps, input), input.decision.decidedBy);
      if ('refused' in result) return result;
      const { state } = result;
      if (state.status === 'accepted') return { kind: 'accepted', correction: state.correction };
      if (state.status === 'awaiting-citizen')
        return {
          kind: 'asked',
          remainingMinutes: state.remainingMinutes,
          replyBy: state.replyBy,
          remindAt: deps.deadlines.reminderFor(new Date(input.at), new Date(state.replyBy)),
        };
      if (state.status === 'closed' && state.appealUntil) return { kind: 'rejected', appealUntil: state.appealUntil };
      return { refused: 'wrong-state' };
    },

    /** The citizen answered: the clock restarts with the working time it kept. */
    async resumeTurn(input: StepInput & { reply: CitizenReply }): Promise<Turn | Refused> {
      const state = await loadFiled(deps, input.complaintId);
      const kept = state.status === 'awaiting-citizen' ? state.remainingMinutes : 0;
      const { dueAt } = deps.deadlines.resumed(new Date(input.at), kept);
      const { citizen, message, evidence } = input.reply;
      const command = { type: 'RecordCitizenReply' as const, citizen, message, evidence, dueAt, at: input.at };
      const result = await issueOnBehalf(deps, input, command, citizen);
      return 'refused' in result ? result : turnOf(deps, result.state);
    },

    async closeUnanswered(input: StepInput): Promise<{ appealUntil: string }> {
      const appealUntil = deps.deadlines.appealUntil(new Date(input.at));
      const { state } = await issue(deps, input, { type: 'CloseUnanswered', appealUntil, at: input.at });
      return { appealUntil: state.status === 'closed' && state.appealUntil ? state.appealUntil : appealUntil };
    },
  };
}

async function decisionCommand(deps: LifecycleDependencies, input: StepInput & { decision: SiteDecision }) {
  const { decision, at } = input;
  const by = decision.decidedBy;
  switch (decision.kind) {
    case 'accept':
      return {
        type: 'AcceptComplaint' as const,
        decidedBy: by,
        correction: decision.correction,
        note: decision.note,
        at,
      };
    case 'reject': {
      const appealUntil = deps.deadlines.appealUntil(new Date(at));
      return {
        type: 'RejectComplaint' as const,
        decidedBy: by,
        reason: decision.reason,
        note: decision.note,
        appealUntil,
        at,
      };
    }
    case 'ask-citizen': {
      const state = await loadFiled(deps, input.complaintId);
      const due = state.assignment ? new Date(state.assignment.dueAt) : new Date(at);
      const remainingMinutes = deps.deadlines.remaining(new Date(at), due);
      const replyBy = deps.deadlines.citizenReplyBy(new Date(at));
      return {
        type: 'RequestInformation' as const,
        requestedBy: by,
        question: decision.question,
        remainingMinutes,
        replyBy,
        at,
      };
    }
    default:
      return assertNever(decision);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
