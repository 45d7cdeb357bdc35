import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@vax/platform';
import { IsString, MaxLength } from 'class-validator';

export class AttestDayRequest {
  @ApiProperty() @IsString() @MaxLength(50) siteId!: string;
  @ApiProperty({ example: '2021-11-05' })
  @IsCalendarDate()
  day!: string;
}
