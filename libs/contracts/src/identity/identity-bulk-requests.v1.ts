import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { defineContract } from '../contract';
import { IsReference } from '../common.v1';

/**
 * Topic identity.bulk-requests.v1: batches of records sent for verification against the registry
 * (the reconciliation campaign). Results come back on identity.events.v1 as BulkVerificationCompleted.
 */

export class BulkRecordV1 {
  @IsReference() recordId!: string;
  /** As the old list had it: may be empty or malformed, which is a result of its own. */
  @IsOptional() @IsString() @MaxLength(30) idNumber?: string;
  @IsString() @MaxLength(200) fullName!: string;
  @IsOptional() @IsString() @MaxLength(20) dateOfBirth?: string;
  @IsOptional() @IsIn(['male', 'female']) gender?: 'male' | 'female';
}

export class BulkVerificationRequested {
  @IsReference() batchId!: string;
  @ArrayNotEmpty()
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => BulkRecordV1)
  records!: BulkRecordV1[];
}

export const IdentityBulkRequestsV1 = defineContract('identity.bulk-requests.v1', { BulkVerificationRequested });
