import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BIRTH_LEVELS, GENDER_LEVELS, ID_LEVELS, NAME_LEVELS, PLACE_LEVELS } from '@vax/contracts';

/** How each field of the row agrees with the candidate (identity.bulk-results.v2, ADR 14). */
export class LinkageEvidenceResponse {
  @ApiProperty({ enum: ID_LEVELS }) idNumber!: string;
  @ApiProperty({ enum: NAME_LEVELS }) fullName!: string;
  @ApiProperty({ enum: BIRTH_LEVELS }) dateOfBirth!: string;
  @ApiProperty({ enum: GENDER_LEVELS }) gender!: string;
  @ApiProperty({ enum: PLACE_LEVELS }) place!: string;
}

/** A registry person a row to review may be: never their ID number or address. */
export class LinkageCandidateResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ description: "The linkage model's weight of evidence, in bits (higher: likelier)" }) score!: number;
  @ApiProperty({ type: LinkageEvidenceResponse }) evidence!: LinkageEvidenceResponse;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender!: string;
  @ApiPropertyOptional() district?: string;
}
