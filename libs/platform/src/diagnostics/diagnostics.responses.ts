import { ApiProperty } from '@nestjs/swagger';

/** A ping published on platform.diagnostics.v1. */
export class PingSentResponse {
  @ApiProperty({ format: 'uuid' }) pingId!: string;
  @ApiProperty({ description: 'The service that sent it', example: 'complaints' }) from!: string;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
}

/** A ping as this service received it from the transport. */
export class PingReceiptResponse extends PingSentResponse {
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}
