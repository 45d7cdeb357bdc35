import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '@vax/platform';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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
}
