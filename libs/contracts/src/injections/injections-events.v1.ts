import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineContract } from '../contract';
import { IsCalendarDate, IsInstant, IsReference } from '../common.v1';

/** Topic injections.events.v1: changes to people's immunization records. */

export class DoseDetails {
  @IsInt() @Min(1) @Max(10) doseNumber!: number;
  /** The platform's vaccine code (catalogue), e.g. "AZD1222". */
  @Matches(/^[A-Z0-9-]{2,30}$/) vaccineCode!: string;
  @IsString() @MaxLength(50) lotNumber!: string;
  @IsCalendarDate() administeredOn!: string;
  @IsReference() siteId!: string;
}

export class DoseRecorded {
  @IsReference() recordId!: string;
  @IsReference() personId!: string;
  @ValidateNested() @Type(() => DoseDetails) dose!: DoseDetails;
  /** The identity verification the dose was recorded on. */
  @IsReference() verificationId!: string;
  @IsReference() recordedBy!: string;
  /** Set when the dose was added answering a complaint about a missing dose. */
  @IsOptional() @IsReference() complaintId?: string;
}

export class DoseCorrected {
  @IsReference() recordId!: string;
  @IsReference() personId!: string;
  @ValidateNested() @Type(() => DoseDetails) before!: DoseDetails;
  @ValidateNested() @Type(() => DoseDetails) after!: DoseDetails;
  @IsString() @MaxLength(500) reason!: string;
  @IsOptional() @IsReference() complaintId?: string;
}

export class DoseVoided {
  @IsReference() recordId!: string;
  @IsReference() personId!: string;
  @IsInt() @Min(1) doseNumber!: number;
  @IsString() @MaxLength(500) reason!: string;
  @IsOptional() @IsReference() complaintId?: string;
}

/** A recovered COVID-19 patient (F0), entered by the commune health station. */
export class RecoveryRecorded {
  @IsReference() personId!: string;
  @IsCalendarDate() positiveTestOn!: string;
  @IsCalendarDate() recoveredOn!: string;
  @IsString() @MaxLength(200) evidenceReference!: string;
  @IsReference() stationId!: string;
}

/** A site head or commune chairman signed a day's verified list, making its records legally valid. */
export class RecordsAttested {
  @IsReference() attestationId!: string;
  @IsReference() siteId!: string;
  @ArrayNotEmpty() @IsReference() recordIds!: string[];
  @IsReference() attestedBy!: string;
  @Matches(/^[a-f0-9]{64}$/) contentSha256!: string;
  @IsInstant() attestedAt!: string;
}

export class RefusalProblem {
  @IsString() @MaxLength(100) field!: string;
  @IsString() @MaxLength(100) rule!: string;
  @IsString() @MaxLength(500) message!: string;
}

/** A change asked for on injections.corrections.v1 broke the record's rules: nothing was changed. */
export class CorrectionRefused {
  @IsReference() commandId!: string;
  @IsReference() complaintId!: string;
  @IsReference() personId!: string;
  @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => RefusalProblem) problems!: RefusalProblem[];
}

export class MergedDose extends DoseDetails {
  @IsReference() recordId!: string;
}

/**
 * Two records of one person were merged: the duplicate's record is closed, its doses moved to the
 * surviving record, all numbered again in the order they were given (the full list is carried).
 */
export class RecordsMerged {
  @IsReference() personId!: string;
  @IsReference() mergedPersonId!: string;
  @ValidateNested({ each: true }) @Type(() => MergedDose) doses!: MergedDose[];
  @IsString() @MaxLength(500) reason!: string;
  @IsReference() mergedBy!: string;
}

export const InjectionsEventsV1 = defineContract('injections.events.v1', {
  DoseRecorded,
  DoseCorrected,
  DoseVoided,
  RecoveryRecorded,
  RecordsAttested,
  CorrectionRefused,
  RecordsMerged,
});
