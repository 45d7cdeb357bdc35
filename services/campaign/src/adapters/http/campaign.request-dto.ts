import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { PageRequest } from '@vax/platform';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { WORKLIST_REASONS, type WorklistReason } from '../../domain/classification/row-class';
import { PROGRESS_LEVELS, type ProgressLevel } from '../../domain/progress/campaign-progress';
import { IsCalendarDate, MultiLine } from '@vax/platform';

const ID = /^[A-Za-z0-9:._-]{1,100}$/;

export class StartCampaignRequest {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(200) name!: string;
  @ApiProperty({ type: [String] })
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @Matches(ID, { each: true, message: 'each import id must be an import id' })
  importIds!: string[];
  @ApiProperty({ example: '2021-12-31' }) @IsCalendarDate() deadline!: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(90) worklistDueDays?: number;
}

export class CancelCampaignRequest {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(500) @MultiLine() reason!: string;
}

export class ProgressRequest {
  @ApiProperty({ enum: PROGRESS_LEVELS }) @IsIn(PROGRESS_LEVELS) groupBy!: ProgressLevel;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

export class WorklistRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'A site id; omitted for rows of no known site (managers)' })
  @IsOptional()
  @Matches(ID)
  siteId?: string;
  @ApiPropertyOptional({ enum: ['open', 'corrected', 'resolved', 'reopened'] })
  @IsOptional()
  @IsIn(['open', 'corrected', 'resolved', 'reopened'])
  status?: 'open' | 'corrected' | 'resolved' | 'reopened';
  @ApiPropertyOptional({
    enum: WORKLIST_REASONS,
    description: 'Only the items of this reason (rows to review: ambiguous-identity)',
  })
  @IsOptional()
  @IsIn(WORKLIST_REASONS)
  reason?: WorklistReason;
}

/** The identity fields a site corrects; the registry checks the row again with them. */
export class CorrectRowRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ example: '1990-03-05' })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;
  @ApiPropertyOptional({ enum: ['male', 'female'] }) @IsOptional() @IsIn(['male', 'female']) gender?: 'male' | 'female';
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^(\d{9}|\d{12})$/, { message: 'must be a 12-digit CCCD or a 9-digit CMND number' })
  idNumber?: string;
}

export class SitePageRequest extends PageRequest {
  @ApiProperty() @Matches(ID) siteId!: string;
}

export class MergeDecisionRequest {
  @ApiProperty({ enum: ['confirm', 'reject'] }) @IsIn(['confirm', 'reject']) decision!: 'confirm' | 'reject';
}

export class AttestListRequest {
  @ApiProperty({ enum: ['site', 'commune'] }) @IsIn(['site', 'commune']) scope!: 'site' | 'commune';
  @ApiProperty({ description: 'The site id, or the commune name' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unit!: string;
}

export class CommuneRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) commune!: string;
}

/** The caller's unit's campaigns with open work; a manager may narrow it to one site of their reach. */
export class UnitWorklistsRequest extends PageRequest {
  @ApiPropertyOptional({ description: "One site within the caller's reach; omitted, the whole of it" })
  @IsOptional()
  @Matches(ID)
  siteId?: string;
}
