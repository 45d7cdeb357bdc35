import type { Actor } from '@vax/event-sourcing';
import { siteOf } from '../domain/complaint-subject';
import { ComplaintError } from '../domain/complaint.errors';
import type { FiledComplaint } from '../domain/complaint.state';
import type { ComplaintCommandService } from './complaint.command-service';
import { complaintView, mayRead } from './complaint.view';
import type { EvidenceStoragePort, StoredEvidence } from './ports/evidence-storage.port';
import type { SentMessage, SentMessagesPort } from './ports/sent-messages.port';

/**
 * Reading complaints, their photos and the messages sent about them, for those allowed only. A complaint
 * someone may not read is "not found" to them: its existence is not disclosed.
 */
export class ComplaintReadingService {
  constructor(
    private readonly complaints: ComplaintCommandService,
    private readonly evidence: EvidenceStoragePort,
    private readonly sent: SentMessagesPort,
    private readonly districtOf: (siteId: string) => string | null,
  ) {}

  async view(actor: Actor, complaintId: string) {
    const view = complaintView(await this.readable(actor, complaintId));
    return { ...view, timeline: await this.complaints.timeline(complaintId) };
  }

  async photo(actor: Actor, complaintId: string, evidenceId: string): Promise<StoredEvidence> {
    const state = await this.readable(actor, complaintId);
    const photo = state.evidence.some((e) => e.evidenceId === evidenceId) ? await this.evidence.get(evidenceId) : null;
    if (!photo) throw new ComplaintError('not-found', 'no such photo on this complaint');
    return photo;
  }

  /** What was sent to the citizen about the complaint, newest last: to whoever may read the complaint. */
  async messages(actor: Actor, complaintId: string): Promise<{ messages: SentMessage[] }> {
    await this.readable(actor, complaintId);
    return { messages: await this.sent.ofComplaint(complaintId) };
  }

  private async readable(actor: Actor, complaintId: string): Promise<FiledComplaint> {
    const state = await this.complaints.load(complaintId);
    if (state.status === 'none') throw new ComplaintError('not-found', 'no such complaint');
    const site = siteOf(state.subject);
    if (!mayRead(actor, state, site ? this.districtOf(site) : null)) {
      // Staff are told it is not theirs (403); to another citizen a complaint does not exist (404).
      if (actor.role === 'citizen') throw new ComplaintError('not-found', 'no such complaint');
      throw new ComplaintError('not-allowed', "this complaint is not held by the caller's unit");
    }
    return state;
  }
}
