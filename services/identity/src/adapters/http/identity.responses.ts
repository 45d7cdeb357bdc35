import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The bodies identity answers with, as OpenAPI schemas: the fuzz tier holds every real answer to
// them (schemathesis's response_schema_conformance), so a client may generate code from them.

export class FieldDifferenceResponse {
  @ApiProperty({ description: 'The stated field that differs from the registry', example: 'fullName' })
  field!: string;
  @ApiProperty({
    description: 'How it differs (accents-only, transliteration, edit-distance, …)',
    example: 'accents-only',
  })
  kind!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'For edit-distance: how many letters or digits' })
  distance?: number;
}

export class ReviewResponse {
  @ApiProperty({ enum: ['confirmed', 'overridden'] })
  outcome!: string;
  @ApiProperty()
  reason!: string;
  @ApiProperty()
  reviewerId!: string;
  @ApiProperty({ format: 'date-time' })
  reviewedAt!: string;
}

export class VerificationResponse {
  @ApiProperty({ format: 'uuid' })
  verificationId!: string;
  @ApiProperty({ enum: ['verified', 'mismatched', 'not-found'] })
  result!: string;
  @ApiProperty({
    enum: ['verified', 'mismatched', 'not-found'],
    description: 'After reviews: a mismatch a police verifier overrode stands as verified',
  })
  standing!: string;
  @ApiProperty({ type: 'string', nullable: true, description: "The registry's person id, when one was found" })
  personId!: string | null;
  @ApiProperty({ description: 'Where the stated facts came from (a QR format or typed)' })
  source!: string;
  @ApiProperty({ type: [FieldDifferenceResponse] })
  differences!: FieldDifferenceResponse[];
  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;
  @ApiProperty({ description: 'The staff member who checked' })
  checkedBy!: string;
  @ApiProperty({ description: 'The unit (actor scope) whose desk made the check', example: 'site:LC-TD-01' })
  checkedIn!: string;
  @ApiProperty({ type: [ReviewResponse] })
  reviews!: ReviewResponse[];
}

export class ContactResponse {
  @ApiProperty({ example: 'P000000001' })
  personId!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The phone on record, if any' })
  phone!: string | null;
}
