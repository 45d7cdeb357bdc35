import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { defineContract } from '../contract';
import { IsReference } from '../common.v1';

/**
 * Topic identity.bulk-requests.v2: batches of old-list rows for record linkage against the registry
 * (the reconciliation campaign, ADR 14). Against v1, a row may come without any ID number (it is
 * then searched by name, birth date and place) and carries the list's address, whose commune and
 * district are evidence. Results come back on identity.bulk-results.v2, with the candidates of a row
 * that needs review.
 */

export class BulkRecordV2 {
  @IsReference() recordId!: string;
  /** As the old list had it: may be missing or malformed; the row is then searched by its other fields. */
  @IsOptional() @IsString() @MaxLength(30) idNumber?: string;
  @IsString() @MaxLength(200) fullName!: string;
  @IsOptional() @IsString() @MaxLength(20) dateOfBirth?: string;
  @IsOptional() @IsIn(['male', 'female']) gender?: 'male' | 'female';
  /** The address as the list had it ("…, commune, district, province"). */
  @IsOptional() @IsString() @MaxLength(300) address?: string;
}

export class BulkLinkageRequested {
  @IsReference() batchId!: string;
  @ArrayNotEmpty()
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => BulkRecordV2)
  records!: BulkRecordV2[];
}

export const IdentityBulkRequestsV2 = defineContract('identity.bulk-requests.v2', { BulkLinkageRequested });
