import { ApiProperty } from '@nestjs/swagger';

export class KeptPhoneMessageResponse {
  @ApiProperty({ description: 'The phone number' }) recipient!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
}

export class DevelopmentOutboxResponse {
  @ApiProperty({ type: [KeptPhoneMessageResponse], description: 'Newest first, at most 50' })
  messages!: KeptPhoneMessageResponse[];
}
