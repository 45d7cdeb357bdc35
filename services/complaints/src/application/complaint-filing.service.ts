import { createHash } from 'node:crypto';
import type { Actor } from '@vax/event-sourcing';
import { v7 as uuidv7 } from 'uuid';
import { CONTACT_CODE_TEMPLATE } from '../domain/citizen-messages';
import type { ComplaintSubject, StatedPerson } from '../domain/complaint-subject';
import { filingProblems } from '../domain/complaint-filing';
import { ComplaintError, invalid } from '../domain/complaint.errors';
import type { ComplaintState, FiledComplaint } from '../domain/complaint.state';
import type { EvidenceItem } from '../domain/complaint-evidence';
import { MAX_EVIDENCE_BYTES } from '../domain/complaint-evidence';
import { sniffMediaType } from '../domain/evidence-media';
import type { ComplaintCommandService } from './complaint.command-service';
import type { ComplaintWorkflowsPort } from './ports/complaint-workflows.port';
import type { EvidenceStoragePort } from './ports/evidence-storage.port';
import type { NotificationPort } from './ports/notifications.port';

/** The one-time codes and the counts the rate limits need (PostgreSQL in production). */
export interface FilingGuard {
  issuedLastHour(citizenId: string): Promise<number>;
  issue(citizenId: string, phone: string): Promise<string>;
  confirm(citizenId: string, phone: string, code: string): Promise<'confirmed' | string>;
  filingsLastDay(citizenId: string): Promise<number>;
  recordFiling(citizenId: string, complaintId: string): Promise<void>;
}

export const FILING_LIMITS = { codesPerHour: 3, filingsPerDay: 5 };

export type FilingErrorCode = 'too-many-codes' | 'too-many-filings' | 'code-not-confirmed' | 'evidence';

export class FilingError extends Error {
  constructor(
    readonly code: FilingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FilingError';
  }
}

export interface FilingRequest {
  /** Client-generated, so a filing sent again is recognised; one is made up when absent. */
  complaintId?: string;
  stated: StatedPerson;
  contact: { phone: string; address: string };
  contactCode: string;
  subject: ComplaintSubject;
  description: string;
  evidenceIds: string[];
}

/** Filing from the portal: the phone confirmed by a code, photos uploaded first, rate limits per citizen. */
export class ComplaintFilingService {
  constructor(
    private readonly complaints: ComplaintCommandService,
    private readonly guard: FilingGuard,
    private readonly evidence: EvidenceStoragePort,
    private readonly notifications: NotificationPort,
    private readonly workflows: ComplaintWorkflowsPort,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async sendContactCode(citizen: Actor, phone: string): Promise<void> {
    if ((await this.guard.issuedLastHour(citizen.id)) >= FILING_LIMITS.codesPerHour)
      throw new FilingError('too-many-codes', `at most ${FILING_LIMITS.codesPerHour} codes an hour`);
    const code = await this.guard.issue(citizen.id, phone);
    await this.notifications.send({
      key: `contact-code/${uuidv7()}`,
      complaintId: 'none',
      to: { kind: 'phone', phone },
      template: CONTACT_CODE_TEMPLATE,
      text: `Mã xác nhận phản ánh tiêm chủng: ${code}. Mã có hiệu lực 10 phút.`,
    });
  }

  /** A photo checked by its content (JPEG, PNG, HEIC; at most 5 MB), kept for the citizen to attach. */
  async upload(citizen: Actor, content: Buffer): Promise<EvidenceItem> {
    const mediaType = sniffMediaType(content);
    if (!mediaType) throw new FilingError('evidence', 'a photo must be a JPEG, PNG or HEIC image');
    if (content.length > MAX_EVIDENCE_BYTES) throw new FilingError('evidence', 'a photo must be at most 5 MB');
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.evidence.put(citizen.id, { mediaType, sizeBytes: content.length, sha256 }, content);
  }

  async file(citizen: Actor, request: FilingRequest): Promise<FiledComplaint> {
    const complaintId = request.complaintId ?? uuidv7();
    const existing = await this.complaints.load(complaintId);
    if (existing.status !== 'none' && existing.citizenId === citizen.id) return this.started(existing);
    if ((await this.guard.filingsLastDay(citizen.id)) >= FILING_LIMITS.filingsPerDay)
      throw new FilingError('too-many-filings', `at most ${FILING_LIMITS.filingsPerDay} complaints a day`);
    const evidence = await this.evidence.ownedBy(citizen.id, request.evidenceIds);
    if (evidence.length !== request.evidenceIds.length)
      throw new FilingError('evidence', 'a photo named is not one of yours');
    const { stated, contact, subject, description } = request;
    const at = this.clock().toISOString();
    const command = {
      type: 'FileComplaint' as const,
      complaintId,
      citizen,
      stated,
      contact,
      contactConfirmed: true,
      subject,
      description,
      evidence,
      at,
    };
    // A filing the form would refuse anyway (no address, say) is refused before the code is used:
    // the citizen fixes the form and sends it again with the same code.
    const problems = filingProblems(command);
    if (problems.length > 0) throw invalid(problems);
    const check = await this.guard.confirm(citizen.id, request.contact.phone, request.contactCode);
    if (check !== 'confirmed') throw new FilingError('code-not-confirmed', `the phone is not confirmed (${check})`);
    const { state } = await this.complaints.execute(complaintId, command, {
      actor: citizen,
      correlationId: complaintId,
    });
    await this.guard.recordFiling(citizen.id, complaintId);
    return this.started(state);
  }

  private async started(state: ComplaintState): Promise<FiledComplaint> {
    if (state.status === 'none') throw new ComplaintError('not-found', 'no such complaint');
    await this.workflows.start(state.complaintId);
    return state;
  }
}
