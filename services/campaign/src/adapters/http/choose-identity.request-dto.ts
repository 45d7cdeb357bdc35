import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';

/** A site's choice among a row's candidates: one of them (by person id), or none of them. */
export class ChooseIdentityRequest {
  @ApiProperty({ enum: ['same-person', 'none-of-them'] })
  @IsIn(['same-person', 'none-of-them'])
  decision!: 'same-person' | 'none-of-them';
  @ApiPropertyOptional({ description: "One of the row's candidates; required with same-person" })
  @ValidateIf((r: ChooseIdentityRequest) => r.decision === 'same-person')
  @Matches(/^[A-Za-z0-9:._-]{1,100}$/, { message: 'must be a person id' })
  personId?: string;
}
