import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, MultiLine } from '@vax/platform';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class TypedIdentityDto {
  @ApiProperty({ example: '012203004567', description: '12-digit CCCD or 9-digit CMND number' })
  @IsString()
  @MaxLength(20)
  idNumber!: string;

  // An ID number alone proves nothing about who stands at the desk: a typed check states who they are.
  @ApiProperty({ example: 'Lò Văn Páo' })
  @IsString({ message: 'is required with a typed check (the full name as stated)' })
  @MinLength(1, { message: 'is required with a typed check (the full name as stated)' })
  @MaxLength(100)
  fullName!: string;

  @ApiProperty({ example: '2003-01-02' })
  @IsString({ message: 'is required with a typed check (the date of birth as stated)' })
  @IsCalendarDate()
  dateOfBirth!: string;

  @ApiPropertyOptional({ enum: ['male', 'female'] })
  @IsOptional()
  @IsIn(['male', 'female'])
  gender?: 'male' | 'female';
}

/** Either the scanned QR (chip CCCD card or Decision 1405 personal QR) or the typed facts. */
export class VerifyIdentityRequest {
  @ApiPropertyOptional({ description: 'Client-generated id: sending the same request again returns the first result.' })
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiPropertyOptional({
    description: 'The QR content as scanned',
    example: '012203004567||Lò Văn Páo|02012003|Nam|Lai Châu|15062021',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  qr?: string;

  @ApiPropertyOptional({ type: TypedIdentityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TypedIdentityDto)
  typed?: TypedIdentityDto;
}

export class ReviewVerificationRequest {
  @ApiProperty({ enum: ['confirmed', 'overridden'] })
  @IsIn(['confirmed', 'overridden'])
  outcome!: 'confirmed' | 'overridden';

  @ApiProperty({ example: 'Đã đối chiếu giấy khai sinh gốc tại công an xã' })
  @IsString()
  @MaxLength(500)
  @MultiLine()
  reason!: string;
}
