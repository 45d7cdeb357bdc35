import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineContract } from '../contract';
import { IsCalendarDate, IsGender, IsInstant, IsReference } from '../common.v1';
import { BULK_CLASSES, FieldDifference } from './identity-events.v1';

/**
 * Topic identity.bulk-results.v2: identity's answer to each batch of identity.bulk-requests.v2, row
 * by row. Against v1's BulkVerificationCompleted, a row to review ('ambiguous', "probably the same
 * person") carries its ranked candidates with the evidence field by field (ADR 14), so the row's site
 * can compare them side by side and choose. Keyed by batch.
 */

export const ID_LEVELS = ['exact', 'old-id', 'one-edit', 'different', 'missing'] as const;
export const NAME_LEVELS = [
  'exact',
  'accents-only',
  'transliteration',
  'typo',
  'reordered',
  'syllables-omitted',
  'different',
] as const;
export const BIRTH_LEVELS = ['exact', 'day-month-swapped', 'same-year', 'different', 'missing'] as const;
export const GENDER_LEVELS = ['agree', 'different', 'missing'] as const;
export const PLACE_LEVELS = ['same-commune', 'same-district', 'different', 'missing'] as const;

/** How each field of the row agrees with the candidate (the linkage model's comparison). */
export class LinkageEvidence {
  @IsIn(ID_LEVELS) idNumber!: (typeof ID_LEVELS)[number];
  @IsIn(NAME_LEVELS) fullName!: (typeof NAME_LEVELS)[number];
  @IsIn(BIRTH_LEVELS) dateOfBirth!: (typeof BIRTH_LEVELS)[number];
  @IsIn(GENDER_LEVELS) gender!: (typeof GENDER_LEVELS)[number];
  @IsIn(PLACE_LEVELS) place!: (typeof PLACE_LEVELS)[number];
}

/**
 * A registry person the row may be. The registry's name, birth date, gender and district are given so
 * the row's site can tell candidates apart; never the ID number or the address.
 */
export class LinkageCandidate {
  @IsReference() personId!: string;
  /** The model's weight of evidence, in bits (higher: more likely the same person). */
  @IsNumber() score!: number;
  @ValidateNested() @Type(() => LinkageEvidence) evidence!: LinkageEvidence;
  @IsString() @MaxLength(200) fullName!: string;
  @IsCalendarDate() dateOfBirth!: string;
  @IsGender() gender!: 'male' | 'female';
  @IsOptional() @IsString() @MaxLength(100) district?: string;
}

export class BulkLinkResult {
  @IsReference() recordId!: string;
  @IsIn(BULK_CLASSES) result!: (typeof BULK_CLASSES)[number];
  @IsOptional() @IsReference() personId?: string;
  @ValidateNested({ each: true }) @Type(() => FieldDifference) differences!: FieldDifference[];
  /** For 'ambiguous' only: the plausible people, best first (at most five). */
  @IsOptional()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => LinkageCandidate)
  candidates?: LinkageCandidate[];
}

export class BulkLinkageCompleted {
  @IsReference() batchId!: string;
  @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => BulkLinkResult) results!: BulkLinkResult[];
  @IsInstant() completedAt!: string;
}

export const IdentityBulkResultsV2 = defineContract('identity.bulk-results.v2', { BulkLinkageCompleted });
