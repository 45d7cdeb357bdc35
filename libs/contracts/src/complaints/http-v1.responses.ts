import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

// The complaints service's HTTP answers that leave the platform through the portal (a citizen's
// filings, a unit's queue and decisions, managers' SLA reports), as OpenAPI schemas: the service
// documents its routes with them and the portal its relays, so the two documents cannot drift.
// Additive changes only; a breaking one is a new version file.

/**
 * The vocabularies these answers use, as this contract's own lists (a contract imports no service
 * code; the service's http-v1-contract.spec holds them equal to its domain's).
 */
export const COMPLAINT_VALUES_V1 = {
  complaintTypes: ['personal-details', 'missing-dose', 'dose-details', 'duplicate-record', 'certificate'],
  statuses: [
    'filed',
    'identity-checked',
    'assigned',
    'awaiting-citizen',
    'accepted',
    'corrected',
    'appealed',
    'closed',
  ],
  handlingLevels: ['registry', 'site', 'commune-station', 'district-centre', 'province'],
  rejectionReasons: [
    'screening-form-incomplete',
    'name-differs-from-certificate',
    'only-personal-photo',
    'contradicts-certificate',
    'record-already-correct',
    'dose-not-given-here',
    'identity-not-confirmed',
    'duplicate-complaint',
    'citizen-did-not-reply',
    'closed-after-failure',
  ],
  closeOutcomes: ['resolved', 'rejected', 'withdrawn'],
  personalFields: ['fullName', 'dateOfBirth', 'gender', 'idNumber'],
  doseFields: ['vaccineCode', 'lotNumber', 'administeredOn', 'siteId'],
  evidenceMediaTypes: ['image/jpeg', 'image/png', 'image/heic'],
  reportGroups: ['site', 'commune', 'district'],
} as const;
const V = COMPLAINT_VALUES_V1;

// The subject and the correction of a complaint as they were filed and decided (checked by the
// domain's rules first, so what these say is required was always there). Each is one of a few
// shapes, told apart by `type` / `action`.

export class DoseFactsResponse {
  @ApiProperty({ example: 'AZD1222' }) vaccineCode!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ format: 'date' }) administeredOn!: string;
  @ApiProperty() siteId!: string;
}

/** The facts a citizen claims for a dose: only the fields they said were wrong. */
export class ClaimedDoseFactsResponse {
  @ApiPropertyOptional() vaccineCode?: string;
  @ApiPropertyOptional() lotNumber?: string;
  @ApiPropertyOptional({ format: 'date' }) administeredOn?: string;
  @ApiPropertyOptional() siteId?: string;
}

export class PersonalDetailsSubject {
  @ApiProperty({ enum: ['personal-details'] }) type!: 'personal-details';
  @ApiProperty({ enum: V.personalFields, isArray: true }) fields!: string[];
}

export class MissingDoseSubject {
  @ApiProperty({ enum: ['missing-dose'] }) type!: 'missing-dose';
  @ApiProperty({ type: DoseFactsResponse }) dose!: DoseFactsResponse;
}

export class DoseDetailsSubject {
  @ApiProperty({ enum: ['dose-details'] }) type!: 'dose-details';
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10 }) doseNumber!: number;
  @ApiProperty({ enum: V.doseFields, isArray: true }) fields!: string[];
  @ApiProperty({ type: ClaimedDoseFactsResponse }) claimed!: ClaimedDoseFactsResponse;
  @ApiProperty() siteId!: string;
}

export class DuplicateRecordSubject {
  @ApiProperty({ enum: ['duplicate-record'] }) type!: 'duplicate-record';
  @ApiProperty({ type: 'integer', isArray: true }) doseNumbers!: number[];
  @ApiProperty() siteId!: string;
}

/** Both ids may be left out by the citizen (or sent as null). */
export class CertificateSubject {
  @ApiProperty({ enum: ['certificate'] }) type!: 'certificate';
  @ApiPropertyOptional({ type: String, nullable: true }) certificateId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) siteId?: string | null;
}

export const SUBJECT_MODELS = [
  PersonalDetailsSubject,
  MissingDoseSubject,
  DoseDetailsSubject,
  DuplicateRecordSubject,
  CertificateSubject,
];

export class CorrectDoseCorrection {
  @ApiProperty({ enum: ['correct-dose'] }) action!: 'correct-dose';
  @ApiProperty({ type: 'integer' }) doseNumber!: number;
  @ApiProperty({ type: DoseFactsResponse }) after!: DoseFactsResponse;
}

export class VoidDoseCorrection {
  @ApiProperty({ enum: ['void-dose'] }) action!: 'void-dose';
  @ApiProperty({ type: 'integer' }) doseNumber!: number;
}

export class RecordDoseCorrection {
  @ApiProperty({ enum: ['record-dose'] }) action!: 'record-dose';
  @ApiProperty({ type: 'integer' }) doseNumber!: number;
  @ApiProperty({ type: DoseFactsResponse }) dose!: DoseFactsResponse;
}

export class NoCorrection {
  @ApiProperty({ enum: ['none'] }) action!: 'none';
}

export const CORRECTION_MODELS = [CorrectDoseCorrection, VoidDoseCorrection, RecordDoseCorrection, NoCorrection];

export const oneOfModels = (models: (new () => unknown)[]) => ({
  oneOf: models.map((m) => ({ $ref: getSchemaPath(m) })),
});

export class EvidenceItemResponse {
  @ApiProperty({ format: 'uuid' }) evidenceId!: string;
  @ApiProperty({ enum: V.evidenceMediaTypes }) mediaType!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) sizeBytes!: number;
}

export class AssignmentResponse {
  @ApiProperty({ enum: V.handlingLevels }) level!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class NeedsAttentionResponse {
  @ApiProperty({ description: 'The kind of workflow step that failed for good, e.g. `withdraw`' }) step!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

/**
 * A complaint as those allowed to read it see it (no stated identity or contact). The fields after
 * `needsAttention` belong to one status each: present then, absent otherwise.
 */
@ApiExtraModels(...SUBJECT_MODELS, ...CORRECTION_MODELS)
export class ComplaintViewResponse {
  @ApiProperty() complaintId!: string;
  @ApiProperty({ enum: V.complaintTypes }) complaintType!: string;
  @ApiProperty({ enum: V.statuses }) status!: string;
  @ApiProperty({ ...oneOfModels(SUBJECT_MODELS), description: 'What is wrong, by `type`' }) subject!: object;
  @ApiProperty({ type: [EvidenceItemResponse] }) evidence!: EvidenceItemResponse[];
  @ApiProperty({
    enum: ['verified', 'mismatched', 'not-found'],
    nullable: true,
    description: "The registry's answer on the stated identity; null until checked",
  })
  identityResult!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The registry's id of the person, once verified" })
  personId!: string | null;
  @ApiProperty({ type: AssignmentResponse, nullable: true, description: 'The current (or last) turn; null before any' })
  assignment!: AssignmentResponse | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) breaches!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) appealsUsed!: number;
  @ApiProperty({ type: NeedsAttentionResponse, nullable: true, description: 'A workflow step that failed for good' })
  needsAttention!: NeedsAttentionResponse | null;

  @ApiPropertyOptional({ description: 'awaiting-citizen: what the unit asks' }) question?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'awaiting-citizen' }) replyBy?: string;
  @ApiPropertyOptional({ description: 'awaiting-citizen: the turn time left once the citizen replies' })
  pausedMinutesLeft?: number;
  @ApiPropertyOptional({ ...oneOfModels(CORRECTION_MODELS), description: 'accepted, corrected: by `action`' })
  correction?: object;
  @ApiPropertyOptional({ enum: V.closeOutcomes, description: 'closed' }) outcome?: string;
  @ApiPropertyOptional({ enum: V.rejectionReasons, nullable: true, description: 'closed: the ground of a rejection' })
  reason?: string | null;
  @ApiPropertyOptional({ format: 'date-time', description: 'closed' }) closedAt?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'closed: a rejection' })
  appealUntil?: string | null;
}

export class TimelineStepResponse {
  @ApiProperty({ description: 'The event recorded, e.g. ComplaintAssigned' }) step!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) level!: string | null;
}

/** Who filed it, as they stated themselves, and what they wrote. */
export class FilerResponse {
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '012190004567' }) idNumber!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender!: string;
  @ApiProperty() description!: string;
}

/** The complaint and what happened to it, step by step (no free texts in the timeline). */
export class ComplaintDetailResponse extends ComplaintViewResponse {
  @ApiProperty({ type: [TimelineStepResponse] }) timeline!: TimelineStepResponse[];
  @ApiProperty({
    type: FilerResponse,
    nullable: true,
    description: 'To staff of the holding unit and managers over the person (each read recorded); null otherwise',
  })
  filer!: FilerResponse | null;
}

/** A photo kept for the citizen to attach: the same photo sent again answers the first one. */
export class UploadedEvidenceResponse extends EvidenceItemResponse {
  @ApiProperty({ pattern: '^[a-f0-9]{64}$', description: 'SHA-256 of the content, hex' }) sha256!: string;
}

/** One of the citizen's complaints as their list shows it. */
export class CitizenComplaintListing {
  @ApiProperty() complaintId!: string;
  @ApiProperty({ enum: V.complaintTypes }) complaintType!: string;
  @ApiProperty({ enum: V.statuses }) status!: string;
  @ApiProperty({ enum: V.closeOutcomes, nullable: true, description: 'Null until closed (and again once appealed)' })
  outcome!: string | null;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
}

/** A complaint in a unit's queue. */
@ApiExtraModels(...SUBJECT_MODELS)
export class QueueItemResponse {
  @ApiProperty() complaintId!: string;
  @ApiProperty({ enum: V.complaintTypes }) complaintType!: string;
  @ApiProperty({ enum: V.statuses }) status!: string;
  @ApiProperty({ enum: V.handlingLevels }) level!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ description: 'Waiting on the citizen: the clock is stopped' }) paused!: boolean;
  @ApiProperty({ type: 'integer', minimum: 0 }) breaches!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The workflow step that failed for good; null if none' })
  needsAttention!: string | null;
  @ApiProperty({
    ...oneOfModels(SUBJECT_MODELS),
    nullable: true,
    description: 'What it is about, by `type` (null for complaints filed before the queue kept it)',
  })
  subject!: object | null;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
}

/** What became of the decision (a refusal is a problem answer instead). */
export class DecisionResultResponse {
  @ApiProperty({ enum: ['accepted', 'rejected', 'asked'] }) outcome!: string;
}

export class SentMessageResponse {
  @ApiProperty({ description: 'Template name, e.g. complaint-received' }) template!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
}

export class SentMessagesResponse {
  @ApiProperty({ type: [SentMessageResponse], description: 'Oldest first' }) messages!: SentMessageResponse[];
}

export class SlaSummaryRowResponse {
  @ApiProperty({ description: 'The site, commune or district; `unknown` for complaints naming no known site' })
  key!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) open!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) overdue!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) breaches!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) escalated!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) resolved!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null while none was resolved' })
  medianHoursToResolve!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null while none was resolved' })
  p90HoursToResolve!: number | null;
}

export class SlaSummaryResponse {
  @ApiProperty({ enum: V.reportGroups }) groupBy!: string;
  @ApiProperty({ type: [SlaSummaryRowResponse] }) rows!: SlaSummaryRowResponse[];
}

export class BreachesRowResponse {
  @ApiProperty({ format: 'date', description: 'Vietnam time' }) day!: string;
  @ApiProperty({ enum: V.handlingLevels }) level!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) breaches!: number;
}

export class BreachesResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [BreachesRowResponse] }) rows!: BreachesRowResponse[];
}
