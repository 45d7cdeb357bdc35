import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineContract } from '../contract';
import { IsCalendarDate, IsGender, IsIdNumber, IsInstant, IsReference } from '../common.v1';

/** Topic identity.events.v1: results of checking stated identities against the population registry. */

export const VERIFICATION_SOURCES = ['cccd-qr', 'personal-qr-1405', 'typed', 'bulk'] as const;
export const DIFFERENCE_KINDS = [
  'accents-only',
  'transliteration',
  'edit-distance',
  'day-month-swapped',
  'year-only',
  'old-id-number',
  'different',
  'missing',
] as const;

export class IdentityVerified {
  @IsReference() verificationId!: string;
  /** The platform's id of the person, stable across ID-number changes (CMND → CCCD). */
  @IsReference() personId!: string;
  @IsIdNumber() idNumber!: string;
  @IsString() @MaxLength(200) fullName!: string;
  @IsCalendarDate() dateOfBirth!: string;
  @IsGender() gender!: 'male' | 'female';
  @IsIn(VERIFICATION_SOURCES) source!: (typeof VERIFICATION_SOURCES)[number];
  @IsInstant() verifiedAt!: string;
  /** The district of the registered residence ('unknown' outside the province): for coverage by district. */
  @IsOptional() @IsString() @MaxLength(100) residenceDistrict?: string;
}

export class FieldDifference {
  @IsIn(['idNumber', 'fullName', 'dateOfBirth', 'gender']) field!: string;
  @IsIn(DIFFERENCE_KINDS) kind!: (typeof DIFFERENCE_KINDS)[number];
}

export class IdentityMismatched {
  @IsReference() verificationId!: string;
  @IsOptional() @IsReference() personId?: string;
  @IsIdNumber() idNumber!: string;
  @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => FieldDifference) differences!: FieldDifference[];
  @IsIn(VERIFICATION_SOURCES) source!: (typeof VERIFICATION_SOURCES)[number];
  @IsInstant() checkedAt!: string;
}

export class IdentityNotFound {
  @IsReference() verificationId!: string;
  @IsIdNumber() idNumber!: string;
  @IsIn(VERIFICATION_SOURCES) source!: (typeof VERIFICATION_SOURCES)[number];
  @IsInstant() checkedAt!: string;
}

/** A police verifier confirmed a result or overrode it, with the reason. */
export class IdentityResultReviewed {
  @IsReference() verificationId!: string;
  @IsOptional() @IsReference() personId?: string;
  @IsIn(['confirmed', 'overridden']) outcome!: 'confirmed' | 'overridden';
  @IsString() @MaxLength(500) reason!: string;
  @IsReference() verifierId!: string;
  @IsInstant() reviewedAt!: string;
}

export const BULK_CLASSES = ['matched', 'mismatched', 'not-found', 'ambiguous', 'invalid-id'] as const;

export class BulkRecordResult {
  @IsReference() recordId!: string;
  @IsIn(BULK_CLASSES) result!: (typeof BULK_CLASSES)[number];
  @IsOptional() @IsReference() personId?: string;
  @ValidateNested({ each: true }) @Type(() => FieldDifference) differences!: FieldDifference[];
}

/** The results of one bulk batch (identity.bulk-requests.v1), record by record. */
export class BulkVerificationCompleted {
  @IsReference() batchId!: string;
  @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => BulkRecordResult) results!: BulkRecordResult[];
  @IsInstant() completedAt!: string;
}

export class PopulationCount {
  @IsString() @MaxLength(100) district!: string;
  @IsInt() @Min(1850) @Max(2200) birthYear!: number;
  @IsInt() @Min(0) people!: number;
}

/** The registry's population by district and birth year (counts only), each time the registry is loaded. */
export class RegistryPopulationCounted {
  @IsInstant() countedAt!: string;
  @ArrayNotEmpty() @ValidateNested({ each: true }) @Type(() => PopulationCount) counts!: PopulationCount[];
}

export const IdentityEventsV1 = defineContract('identity.events.v1', {
  RegistryPopulationCounted,
  BulkVerificationCompleted,
  IdentityVerified,
  IdentityMismatched,
  IdentityNotFound,
  IdentityResultReviewed,
});
