import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { ComplaintSubject } from '../../domain/complaint-subject';
import { IsCalendarDate, MultiLine } from '@vax/platform';
import { SubjectFieldTypes } from './complaint-subject.request-rule';

const PHONE = /^(\+84|0)\d{9,10}$/;

export class ContactCodeRequest {
  @ApiProperty({ example: '0912345678' })
  @Matches(PHONE, { message: 'must be a Vietnamese phone number' })
  phone!: string;
}

export class StatedPersonDto {
  @ApiProperty({ example: 'Lò Thị Mai' }) @IsString() @MaxLength(200) fullName!: string;
  @ApiProperty({ example: '1990-04-02' })
  @IsCalendarDate()
  dateOfBirth!: string;
  @ApiProperty({ enum: ['male', 'female'] }) @IsIn(['male', 'female']) gender!: 'male' | 'female';
  @ApiProperty({ example: '012190004567' })
  @Matches(/^(\d{9}|\d{12})$/, { message: 'must be a 12-digit CCCD or 9-digit CMND number' })
  idNumber!: string;
}

export class ContactDto {
  @ApiProperty({ example: '0912345678' })
  @Matches(PHONE, { message: 'must be a Vietnamese phone number' })
  phone!: string;
  @ApiProperty({ example: 'Bản Nà Khuy, xã Bình Lư, Tam Đường' }) @IsString() @MaxLength(300) address!: string;
}

/** The national portal's form: who, how to reach them (code-confirmed), what is wrong, photos uploaded first. */
export class FileComplaintRequest {
  @ApiPropertyOptional({ description: 'Client-generated: the same filing sent again is filed once' })
  @IsOptional()
  @IsUUID()
  complaintId?: string;

  @ApiProperty({ type: StatedPersonDto }) @ValidateNested() @Type(() => StatedPersonDto) stated!: StatedPersonDto;
  @ApiProperty({ type: ContactDto }) @ValidateNested() @Type(() => ContactDto) contact!: ContactDto;

  @ApiProperty({ example: '042917', description: 'The code sent to contact.phone' })
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit code sent to the phone' })
  contactCode!: string;

  @ApiProperty({
    description:
      'By type: personal-details {fields}; missing-dose {dose}; dose-details {doseNumber, fields, claimed, siteId}; ' +
      'duplicate-record {doseNumbers, siteId}; certificate {certificateId, siteId}',
    example: {
      type: 'dose-details',
      doseNumber: 2,
      fields: ['lotNumber'],
      claimed: { lotNumber: 'ABV5811' },
      siteId: 'LC-TD-01',
    },
  })
  @IsObject()
  @SubjectFieldTypes()
  subject!: ComplaintSubject;

  @ApiProperty({ example: 'Số lô mũi 2 trên sổ sức khỏe khác giấy xác nhận' })
  @IsString()
  @MaxLength(2000)
  @MultiLine()
  description!: string;

  @ApiProperty({ type: [String], description: 'Ids of photos uploaded with POST /complaints/evidence' })
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  evidenceIds!: string[];
}

export class UploadEvidenceRequest {
  @ApiProperty({ description: 'The photo (JPEG, PNG or HEIC, at most 5 MB), base64' })
  @IsString()
  @MaxLength(7_000_000)
  contentBase64!: string;
}

export class ReplyRequest {
  @ApiProperty() @IsString() @MaxLength(2000) @MultiLine() message!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(5) @IsUUID('all', { each: true }) evidenceIds!: string[];
}

export class WithdrawRequest {
  @ApiProperty({ example: 'Trạm đã sửa trực tiếp' }) @IsString() @MaxLength(500) @MultiLine() reason!: string;
}

export class AppealRequest {
  @ApiProperty({ example: 'Tôi có giấy xác nhận gốc của trạm' })
  @IsString()
  @MaxLength(2000)
  @MultiLine()
  grounds!: string;
}
