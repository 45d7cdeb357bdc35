import { ApiProperty } from '@nestjs/swagger';

// The bodies only identity's own callers get, as OpenAPI schemas (those the portal relays are in
// libs/contracts/src/identity/http-v1.responses.ts): the fuzz tier holds every real answer to them.

export class ContactResponse {
  @ApiProperty({ example: 'P000000001' })
  personId!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The phone on record, if any' })
  phone!: string | null;
}
