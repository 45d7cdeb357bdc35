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

export const InjectionsEventsV1 = defineContract('injections.events.v1', {
  DoseRecorded,
  DoseCorrected,
  DoseVoided,
  RecoveryRecorded,
  RecordsAttested,
});
