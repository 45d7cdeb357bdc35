import { InvalidMessageError } from '@vax/contracts';
import type { Actor } from '@vax/event-sourcing';
import type { Turn } from '../workflows/complaint-lifecycle.messages';
import {
  type LifecycleDependencies,
  type Refused,
  type StepInput,
  issue,
  issueOnBehalf,
  loadFiled,
  turnOf,
} from './lifecycle-dependencies';

export type CorrectionRequestOutcome = { kind: 'requested' } | { kind: 'refused'; turn: Turn };

/** After a decision: the correction in injections, the new certificate, closure; appeals and withdrawals. */
export function createOutcomeActivities(deps: LifecycleDependencies) {
  /** Injections will not (or cannot) make the correction: the turn goes back to the unit that accepted. */
  const handBack = async (input: StepInput, problem: string): Promise<Turn> => {
    const state = await loadFiled(deps, input.complaintId);
    const level = state.assignment?.level ?? 'province';
    const { dueAt } = deps.deadlines.forTurn(new Date(input.at), state.complaintType, level);
    const refused = await issue(deps, input, { type: 'RefuseCorrection', problem, dueAt, at: input.at });
    return turnOf(deps, refused.state);
  };

  return {
    /**
     * Sends the accepted correction to injections, the step key as its command id. Refused at once
     * when the identity check found nobody to correct (or no check to add a dose on).
     */
    async requestCorrection(input: StepInput): Promise<CorrectionRequestOutcome> {
      const state = await loadFiled(deps, input.complaintId);
      if (state.status !== 'accepted' || state.correction.action === 'none') return { kind: 'requested' }; // a retry
      const { correction, identity, acceptedBy } = state;
      const verificationId = identity?.verificationId ?? null;
      if (!identity?.personId || (correction.action === 'record-dose' && !verificationId))
        return { kind: 'refused', turn: await handBack(input, 'the identity check found no person to correct') };
      const reason = `Sửa theo phản ánh ${input.complaintId}`;
      const { personId } = identity;
      try {
        await deps.injections.requestCorrection({
          commandId: input.step,
          complaintId: input.complaintId,
          personId,
          correction,
          reason,
          requestedBy: acceptedBy,
          verificationId,
        });
      } catch (error) {
        if (!(error instanceof InvalidMessageError)) throw error;
        const problem = error.problems.map((p) => `${p.field}:${p.rule}`).join('; ');
        return { kind: 'refused', turn: await handBack(input, problem) };
      }
      return { kind: 'requested' };
    },

    /** Injections refused the correction (CorrectionRefused, delivered as a signal). */
    async refuseCorrection(input: StepInput & { problem: string }): Promise<Turn> {
      return handBack(input, input.problem);
    },

    async recordCorrection(input: StepInput & { recordId: string }): Promise<void> {
      await issue(deps, input, { type: 'RecordCorrection', recordId: input.recordId, at: input.at });
    },

    /** Waits (by retrying) until certification has reissued the person's certificate after the correction. */
    async reissueCertificate(input: StepInput & { since: string }): Promise<{ certificateId: string | null }> {
      const state = await loadFiled(deps, input.complaintId);
      const personId = state.identity?.personId;
      if (!personId || !changesCertificate(state)) return { certificateId: null };
      // Certification reacts to the same correction as this workflow and may issue first: any
      // certificate since the site accepted (second precision, as certification stamps it) counts.
      const steps = await deps.complaints.timeline(input.complaintId);
      const accepted = steps.filter((s) => s.step === 'ComplaintAccepted').pop();
      const since = accepted && accepted.at < input.since ? accepted.at : input.since;
      return deps.certificates.reissuedSince({ key: input.step, complaintId: input.complaintId, personId, since });
    },

    async resolve(input: StepInput & { certificateId: string | null }): Promise<void> {
      await issue(deps, input, { type: 'ResolveComplaint', certificateId: input.certificateId, at: input.at });
    },

    async appeal(input: StepInput & { citizen: Actor; grounds: string }): Promise<{ accepted: true } | Refused> {
      const { citizen, grounds, at } = input;
      const result = await issueOnBehalf(deps, input, { type: 'AppealComplaint', citizen, grounds, at }, citizen);
      return 'refused' in result ? result : { accepted: true };
    },

    async withdraw(input: StepInput & { citizen: Actor; reason: string }): Promise<{ accepted: true } | Refused> {
      const { citizen, reason, at } = input;
      const result = await issueOnBehalf(deps, input, { type: 'WithdrawComplaint', citizen, reason, at }, citizen);
      return 'refused' in result ? result : { accepted: true };
    },
  };
}

/**
 * Whether the accepted correction changes what a certificate shows. An EU DCC vaccination entry has
 * the vaccine, the date and the dose number, not the lot or the site: correcting only those leaves
 * the valid certificate as it is, and there is nothing to wait for.
 */
function changesCertificate(state: { subject: { type: string; fields?: string[] } }): boolean {
  if (state.subject.type !== 'dose-details') return true;
  return !(state.subject.fields ?? []).every((f) => f === 'lotNumber' || f === 'siteId');
}
