import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '@vax/platform';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class VerifyCertificateRequest {
  @ApiProperty({ description: 'The text of the QR, starting with HC1:' })
  @IsString()
  @MinLength(4)
  @MaxLength(8000)
  hc1!: string;

  @ApiPropertyOptional({ description: 'The clock to check expiry against (ISO 8601); now when absent' })
  @IsOptional()
  @IsInstant()
  at?: string;

  @ApiPropertyOptional({
    description:
      'Arrival country (ISO 3166 alpha-2) whose business rules apply, with the EU general rules in the EU; no rules when absent',
    example: 'VN',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166 alpha-2 code in capitals' })
  country?: string;
}
