import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class AttestDayRequest {
  @ApiProperty() @IsString() @MaxLength(50) siteId!: string;
  @ApiProperty({ example: '2021-11-05' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  day!: string;
}
