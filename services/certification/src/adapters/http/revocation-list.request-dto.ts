import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '@vax/platform';
import { IsOptional } from 'class-validator';

export class RevocationListRequest {
  @ApiPropertyOptional({ description: 'Only batches revoked after this instant (ISO 8601 with offset)' })
  @IsOptional()
  @IsInstant()
  since?: string;
}
