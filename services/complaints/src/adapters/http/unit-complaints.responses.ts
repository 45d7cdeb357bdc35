import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_TYPES, HANDLING_LEVELS } from '../../domain/complaint-kinds';
import { SUBJECT_MODELS, oneOfModels } from './complaint-subject.response';
import { COMPLAINT_STATUSES } from './complaint-view.response';

/** A complaint in a unit's queue. */
@ApiExtraModels(...SUBJECT_MODELS)
export class QueueItemResponse {
  @ApiProperty() complaintId!: string;
  @ApiProperty({ enum: COMPLAINT_TYPES }) complaintType!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiProperty({ enum: HANDLING_LEVELS }) level!: string;
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
