import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Identity's HTTP answers that leave the platform through the portal (the desk's check), as OpenAPI
// schemas: identity documents its routes with them and the portal its relays, so the two documents
// cannot drift. Additive changes only; a breaking one is a new version file.

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
