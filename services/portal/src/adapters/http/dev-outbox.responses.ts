import { ApiProperty } from '@nestjs/swagger';

export class OutboxMessageResponse {
  @ApiProperty({ example: 'sms' }) channel!: string;
  @ApiProperty({ description: 'The phone (or address) it would have gone to' }) recipient!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
}

export class DevOutboxResponse {
  @ApiProperty({ enum: [true], description: 'Always true: a real gateway answers 404 here' }) development!: boolean;
  @ApiProperty({ type: [OutboxMessageResponse], description: 'Newest first, 50 at most' })
  messages!: OutboxMessageResponse[];
}
