import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MultiLine } from '@vax/platform';

/** What the holder or a manager does with a complaint whose workflow step failed for good. */
export class FailedStepRequestDto {
  @ApiProperty({ enum: ['retry', 'close'], description: 'retry: run the failed step again; close: close it rejected' })
  @IsIn(['retry', 'close'])
  action!: 'retry' | 'close';

  @ApiPropertyOptional({ description: 'close: why (required), kept on the complaint' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLine()
  note?: string;
}
