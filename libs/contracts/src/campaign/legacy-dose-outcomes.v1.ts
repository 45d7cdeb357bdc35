import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineContract } from '../contract';
import { IsReference } from '../common.v1';

/**
 * Topic injections.legacy-dose-outcomes.v1: injections' answer to each LegacyDoseMatched of
 * campaign.events.v1, keyed by person. Published by injections (it owns the records and their
 * rules); kept beside the campaign's contract because only the campaign listens.
 */

export const LEGACY_DOSE_OUTCOMES = ['recorded', 'already-on-record'] as const;

/** The dose is on the person's record: added now, or the same injection was already there. */
export class LegacyDoseImported {
  @IsReference() doseId!: string;
  @IsReference() campaignId!: string;
  @IsReference() personId!: string;
  @IsIn(LEGACY_DOSE_OUTCOMES) outcome!: (typeof LEGACY_DOSE_OUTCOMES)[number];
  /** The dose's number on the record (the existing dose's, when it was already there). */
  @IsInt() @Min(1) @Max(20) doseNumber!: number;
  /** Set when the same injection was already on the record under another id. */
  @IsOptional() @IsReference() existingDoseId?: string;
}

export class LegacyDoseProblem {
  @IsString() @MaxLength(100) field!: string;
  @IsString() @MaxLength(100) rule!: string;
  @IsString() @MaxLength(500) message!: string;
}

/** The record's rules refused the dose (unknown vaccine, a date before the site opened…): it goes back to the site. */
export class LegacyDoseRefused {
  @IsReference() doseId!: string;
  @IsReference() campaignId!: string;
  @IsReference() personId!: string;
  @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => LegacyDoseProblem) problems!: LegacyDoseProblem[];
}

export const LegacyDoseOutcomesV1 = defineContract('injections.legacy-dose-outcomes.v1', {
  LegacyDoseImported,
  LegacyDoseRefused,
});
