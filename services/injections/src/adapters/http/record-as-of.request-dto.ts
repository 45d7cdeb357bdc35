import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '@vax/platform';
import { IsOptional } from 'class-validator';

export class RecordAsOfRequest {
  @ApiPropertyOptional({
    description: 'The record as it stood at this instant (ISO 8601 with offset); now when absent',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
