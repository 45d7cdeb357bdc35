import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate, MultiLine } from '@vax/platform';

export class CorrectDoseRequest {
  @ApiProperty()
  @Matches(/^[A-Z0-9-]{2,30}$/, { message: 'must be a vaccine code of the catalogue' })
  vaccineCode!: string;
  @ApiProperty() @IsString() @MaxLength(50) lotNumber!: string;
  @ApiProperty() @IsCalendarDate() administeredOn!: string;
  @ApiProperty() @IsString() @MaxLength(50) siteId!: string;
  @ApiProperty() @IsString() @MaxLength(500) @MultiLine() reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) complaintId?: string;
}

export class VoidDoseRequest {
  @ApiProperty() @IsString() @MaxLength(500) @MultiLine() reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) complaintId?: string;
}

export class RecordRecoveryRequest {
  @ApiProperty() @IsCalendarDate() positiveTestOn!: string;
  @ApiProperty() @IsCalendarDate() recoveredOn!: string;
  @ApiProperty({ description: 'Discharge paper or test record number' })
  @IsString()
  @MaxLength(200)
  evidenceReference!: string;
  @ApiProperty() @IsString() @MaxLength(50) stationId!: string;
}

export class MergeRecordsRequest {
  @ApiProperty({ description: 'The other record of the same person; it is closed and its doses move here' })
  @Matches(/^[A-Za-z0-9-]{1,100}$/, { message: 'must be a person id' })
  duplicatePersonId!: string;
  @ApiProperty() @IsString() @MaxLength(500) @MultiLine() reason!: string;
}
