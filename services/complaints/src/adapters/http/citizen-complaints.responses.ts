import { ApiProperty } from '@nestjs/swagger';
import { CLOSE_OUTCOMES, COMPLAINT_TYPES } from '../../domain/complaint-kinds';
import { COMPLAINT_STATUSES, EvidenceItemResponse } from './complaint-view.response';

/** A photo kept for the citizen to attach: the same photo sent again answers the first one. */
export class UploadedEvidenceResponse extends EvidenceItemResponse {
  @ApiProperty({ pattern: '^[a-f0-9]{64}$', description: 'SHA-256 of the content, hex' }) sha256!: string;
}

/** One of the citizen's complaints as their list shows it. */
export class CitizenComplaintListing {
  @ApiProperty() complaintId!: string;
  @ApiProperty({ enum: COMPLAINT_TYPES }) complaintType!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiProperty({ enum: CLOSE_OUTCOMES, nullable: true, description: 'Null until closed (and again once appealed)' })
  outcome!: string | null;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
}
