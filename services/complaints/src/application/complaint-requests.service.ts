import type { Actor } from '@vax/event-sourcing';
import type { ComplaintCommand } from '../domain/complaint.commands';
import { ComplaintError, type ComplaintErrorCode } from '../domain/complaint.errors';
import type { DecisionResult, SiteDecision } from '../workflows/complaint-lifecycle.messages';
import type { ComplaintCommandService } from './complaint.command-service';
import type { EvidenceStoragePort } from './ports/evidence-storage.port';
import type { ComplaintWorkflowsPort } from './ports/complaint-workflows.port';

/** A decision as staff send it; who decided comes from their actor token. */
export type DecisionRequest = SiteDecision extends infer D ? (D extends unknown ? Omit<D, 'decidedBy'> : never) : never;

/**
 * What staff and citizens ask of a running complaint. Each request is first checked against the
 * complaint as it stands (a refusal is answered at once: not the holder, already decided, window
 * closed…), then handed to the complaint's workflow, which records it.
 */
export class ComplaintRequestsService {
  constructor(
    private readonly complaints: ComplaintCommandService,
    private readonly workflows: ComplaintWorkflowsPort,
    private readonly evidence: EvidenceStoragePort,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Checked, then recorded by the workflow: the answer says what became of it (or why not). */
  async decide(complaintId: string, decidedBy: Actor, request: DecisionRequest): Promise<DecisionResult> {
    const decision = { ...request, decidedBy } as SiteDecision;
    await this.complaints.check(complaintId, this.asCommand(decision));
    const result = await this.workflows.decide(complaintId, decision);
    if (result === 'not-running') throw new ComplaintError('closed', 'the complaint is no longer being handled');
    if (result === 'busy') throw new ComplaintError('wrong-state', 'another decision on this complaint came first');
    if (result.outcome === 'refused')
      throw new ComplaintError(asErrorCode(result.code), 'the complaint refused the decision');
    return result;
  }

  async reply(complaintId: string, citizen: Actor, message: string, evidenceIds: string[]): Promise<void> {
    const evidence = await this.ownEvidence(citizen, evidenceIds);
    const at = this.now();
    await this.complaints.check(complaintId, { type: 'RecordCitizenReply', citizen, message, evidence, dueAt: at, at });
    await this.deliver(this.workflows.reply(complaintId, { citizen, message, evidence }));
  }

  async withdraw(complaintId: string, citizen: Actor, reason: string): Promise<void> {
    await this.complaints.check(complaintId, { type: 'WithdrawComplaint', citizen, reason, at: this.now() });
    await this.deliver(this.workflows.withdraw(complaintId, { citizen, reason }));
  }

  async appeal(complaintId: string, citizen: Actor, grounds: string): Promise<void> {
    await this.complaints.check(complaintId, { type: 'AppealComplaint', citizen, grounds, at: this.now() });
    await this.deliver(this.workflows.appeal(complaintId, { citizen, grounds }));
  }

  private asCommand(decision: SiteDecision): ComplaintCommand {
    const at = this.now();
    const { decidedBy } = decision;
    switch (decision.kind) {
      case 'accept':
        return { type: 'AcceptComplaint', decidedBy, correction: decision.correction, note: decision.note, at };
      case 'reject':
        return {
          type: 'RejectComplaint',
          decidedBy,
          reason: decision.reason,
          note: decision.note,
          appealUntil: at,
          at,
        };
      case 'ask-citizen':
        return {
          type: 'RequestInformation',
          requestedBy: decidedBy,
          question: decision.question,
          remainingMinutes: 0,
          replyBy: at,
          at,
        };
      default:
        return assertNever(decision);
    }
  }

  private async ownEvidence(citizen: Actor, ids: string[]) {
    const found = await this.evidence.ownedBy(citizen.id, ids);
    if (found.length !== ids.length)
      throw new ComplaintError('invalid', 'a photo named is not one of yours', [
        { field: 'evidenceIds', rule: 'owned', message: 'name photos you uploaded' },
      ]);
    return found;
  }

  /** A complaint whose workflow is not running (closed, or never started) takes no more requests. */
  private async deliver(delivered: Promise<boolean>): Promise<void> {
    if (!(await delivered)) throw new ComplaintError('closed', 'the complaint is no longer being handled');
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

const KNOWN_CODES = new Set<string>(['invalid', 'not-found', 'not-allowed', 'wrong-state', 'closed', 'not-yet-due']);
const asErrorCode = (code: string) => (KNOWN_CODES.has(code) ? code : 'wrong-state') as ComplaintErrorCode;

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
