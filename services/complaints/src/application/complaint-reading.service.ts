import type { Actor } from '@vax/event-sourcing';
import { type KeysetPage, may } from '@vax/platform';
import { holdingUnit, mayRead } from '../domain/complaint-readers';
import { siteOf } from '../domain/complaint-subject';
import { ComplaintError } from '../domain/complaint.errors';
import type { FiledComplaint } from '../domain/complaint.state';
import type { ComplaintCommandService } from './complaint.command-service';
import { complaintView } from './complaint.view';
import type { EvidenceStoragePort, StoredEvidence } from './ports/evidence-storage.port';
import type { PersonReadsPort } from './ports/person-reads.port';
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
    private readonly reads: PersonReadsPort,
  ) {}

  async view(actor: Actor, complaintId: string) {
    const state = await this.readable(actor, complaintId);
    const [timeline, filer] = await Promise.all([this.complaints.timeline(complaintId), this.filerFor(actor, state)]);
    return { ...complaintView(state), timeline, filer };
  }

  /**
   * Who filed it as they stated themselves (name, ID number, birth date, gender) and what they wrote:
   * what staff need to know whom they are dealing with, shown only where the platform's scope rules
   * let the reader read the person (staff of the unit holding it, managers over the person) and
   * recorded as a read of the person, with its ground, for the citizen to see. Null otherwise.
   */
  private async filerFor(actor: Actor, state: FiledComplaint) {
    if (actor.role === 'citizen') return null;
    const unit = holdingUnit(state);
    const decision = may(actor, 'read', {
      kind: 'person',
      personId: state.citizenId,
      freshVerifications: [],
      heldComplaints: unit ? [{ complaintId: state.complaintId, unit }] : [],
      district: null, // the person's residence is identity's to know, not the complaint's
    });
    const filing = decision.allowed ? await this.complaints.filing(state.complaintId) : undefined;
    if (!decision.allowed || !filing) return null;
    if (decision.ground !== 'service')
      await this.reads.recordRead(state.citizenId, actor, 'complaint', decision.ground);
    const { fullName, idNumber, dateOfBirth, gender } = filing.stated;
    return { fullName, idNumber, dateOfBirth, gender, description: filing.description };
  }

  /** Who read the citizen's filing (staff and managers, with the ground): to the citizen themself only. */
  async readsOf(actor: Actor, personId: string, page?: KeysetPage) {
    if (actor.role !== 'citizen' || actor.scope !== `person:${personId}`)
      throw new ComplaintError('not-allowed', 'a citizen sees only their own reads');
    const { items, nextCursor } = await this.reads.readsOf(personId, page);
    return { personId, reads: items, nextCursor };
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
