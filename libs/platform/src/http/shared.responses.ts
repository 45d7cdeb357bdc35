import { ApiProperty } from '@nestjs/swagger';

// Answer bodies more than one service gives, as OpenAPI schemas (the fuzz tier holds real answers
// to them).

/** One broken rule of one field, as problem documents and per-item results name them. */
export class FieldProblemResponse {
  @ApiProperty({ example: 'administeredOn' })
  field!: string;
  @ApiProperty({ example: 'notInFuture' })
  rule!: string;
  @ApiProperty()
  message!: string;
}

/** One read of a person's data by staff or a manager, with the ground that allowed it. */
export class PersonReadResponse {
  @ApiProperty()
  readerId!: string;
  @ApiProperty({ example: 'site-staff' })
  readerRole!: string;
  @ApiProperty({ example: 'site:LC-TD-01' })
  readerUnit!: string;
  @ApiProperty({ description: 'What was read: the record, the certificate, its PDF', example: 'record' })
  what!: string;
  @ApiProperty({ description: 'What allowed it: a verification, a complaint, the district', example: 'verification' })
  ground!: string;
  @ApiProperty({ format: 'date-time' })
  readAt!: string;
}

export class PersonReadsResponse {
  @ApiProperty({ example: 'P000000001' })
  personId!: string;
  @ApiProperty({ type: [PersonReadResponse], description: 'A page of them, newest first' })
  reads!: PersonReadResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}

/** The public key a signed list (an attestation) is checked with. */
export class SigningKeyResponse {
  @ApiProperty({ description: 'The first 16 hex digits of the key’s SHA-256 (dev- prefixed for a development key)' })
  keyId!: string;
  @ApiProperty({ description: 'A development key, made on first start: never valid in production' })
  development!: boolean;
  @ApiProperty({ description: 'Ed25519, SPKI PEM' })
  publicKeyPem!: string;
}
