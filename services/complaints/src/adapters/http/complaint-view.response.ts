import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_MEDIA_TYPES } from '../../domain/complaint-evidence';
import { CLOSE_OUTCOMES, COMPLAINT_TYPES, HANDLING_LEVELS, REJECTION_REASONS } from '../../domain/complaint-kinds';
import { CORRECTION_MODELS, SUBJECT_MODELS, oneOfModels } from './complaint-subject.response';

/** Every status a filed complaint can be in (the read model and the event-sourced state share them). */
export const COMPLAINT_STATUSES = [
  'filed',
  'identity-checked',
  'assigned',
  'awaiting-citizen',
  'accepted',
  'corrected',
  'appealed',
  'closed',
] as const;

export class EvidenceItemResponse {
  @ApiProperty({ format: 'uuid' }) evidenceId!: string;
  @ApiProperty({ enum: EVIDENCE_MEDIA_TYPES }) mediaType!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) sizeBytes!: number;
}

export class AssignmentResponse {
  @ApiProperty({ enum: HANDLING_LEVELS }) level!: string;
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
  @ApiProperty({ enum: COMPLAINT_TYPES }) complaintType!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
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
  @ApiPropertyOptional({ enum: CLOSE_OUTCOMES, description: 'closed' }) outcome?: string;
  @ApiPropertyOptional({ enum: REJECTION_REASONS, nullable: true, description: 'closed: the ground of a rejection' })
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
