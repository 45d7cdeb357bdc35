import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@vax/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';

export class RecordDoseRequest {
  @ApiProperty({ description: 'Client-generated; the same dose sent twice is recorded once' })
  @IsUUID()
  doseId!: string;

  @ApiProperty({ description: 'The identity verification done at the desk for this person' })
  @IsString()
  @MaxLength(100)
  verificationId!: string;

  @ApiProperty({ example: 'AZD1222' })
  @Matches(/^[A-Z0-9-]{2,30}$/, { message: 'must be a vaccine code of the catalogue' })
  vaccineCode!: string;

  @ApiProperty({ example: 'ABV5811' })
  @IsString()
  @MaxLength(50)
  lotNumber!: string;

  @ApiProperty({ example: '2021-11-05' })
  @IsCalendarDate()
  administeredOn!: string;

  @ApiProperty({ example: 'LC-TD-01' })
  @IsString()
  @MaxLength(50)
  siteId!: string;
}

export class SyncedDose extends RecordDoseRequest {
  @ApiProperty() @IsString() @MaxLength(100) personId!: string;
}

/** Doses a mobile site recorded offline, sent when it has a connection again. */
export class SyncDosesRequest {
  @ApiProperty({ type: [SyncedDose] })
  @ArrayNotEmpty()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SyncedDose)
  doses!: SyncedDose[];
}
