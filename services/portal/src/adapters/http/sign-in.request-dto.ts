import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

const ID_NUMBER = { message: 'must be a 12-digit CCCD or 9-digit CMND number' };

export class SendCodeRequest {
  @ApiProperty() @Matches(/^(\d{12}|\d{9})$/, ID_NUMBER) idNumber!: string;
}

export class CitizenSignInRequest {
  @ApiProperty() @Matches(/^(\d{12}|\d{9})$/, ID_NUMBER) idNumber!: string;
  @ApiProperty() @Matches(/^\d{6}$/, { message: 'must be the 6-digit code' }) code!: string;
}

export class StaffSignInRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) username!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password!: string;
}
