import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_TYPES, HANDLING_LEVELS } from '../../domain/complaint-kinds';
import { REPORT_GROUPS } from '../../application/sla-report.query';
import { COMPLAINT_STATUSES } from './complaint-view.response';

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
  @ApiProperty({ enum: REPORT_GROUPS }) groupBy!: string;
  @ApiProperty({ type: [SlaSummaryRowResponse] }) rows!: SlaSummaryRowResponse[];
}

export class BreachesRowResponse {
  @ApiProperty({ format: 'date', description: 'Vietnam time' }) day!: string;
  @ApiProperty({ enum: HANDLING_LEVELS }) level!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) breaches!: number;
}

export class BreachesResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: [BreachesRowResponse] }) rows!: BreachesRowResponse[];
}

/** A complaint within the manager's reach held up by a step that failed for good. */
export class AttentionItemResponse {
  @ApiProperty() complaintId!: string;
  @ApiProperty({ enum: COMPLAINT_TYPES }) complaintType!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) district!: string | null;
  @ApiProperty({ description: 'The kind of step that failed' }) needsAttention!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}
