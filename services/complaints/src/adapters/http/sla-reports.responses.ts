import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_VALUES_V1 } from '@vax/contracts/complaints/http-v1.responses';
import { COMPLAINT_TYPES } from '../../domain/complaint-kinds';

// The report only this service's callers get (the portal relays the SLA summary and breaches, in
// libs/contracts/src/complaints/http-v1.responses.ts).

/** A complaint within the manager's reach held up by a step that failed for good. */
export class AttentionItemResponse {
  @ApiProperty() complaintId!: string;
  @ApiProperty({ enum: COMPLAINT_TYPES }) complaintType!: string;
  @ApiProperty({ enum: COMPLAINT_VALUES_V1.statuses }) status!: string;
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) district!: string | null;
  @ApiProperty({ description: 'The kind of step that failed' }) needsAttention!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}
