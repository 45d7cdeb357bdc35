import { ApiProperty } from '@nestjs/swagger';

export class AttestedDoseResponse {
  @ApiProperty() doseId!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() vaccineCode!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ format: 'date' }) administeredOn!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ description: 'The bulk verification that matched the row' }) verificationId!: string;
}

/** A signed list: its doses, the signature over its canonical content, and whether it still verifies. */
export class AttestationResponse {
  @ApiProperty({ format: 'uuid' }) attestationId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: ['site', 'commune'] }) scope!: string;
  @ApiProperty({ description: 'The site id, or the commune name' }) unit!: string;
  @ApiProperty({ type: [AttestedDoseResponse] }) entries!: AttestedDoseResponse[];
  @ApiProperty({ pattern: '^[a-f0-9]{64}$' }) contentSha256!: string;
  @ApiProperty({ description: 'Ed25519 over the canonical content' }) signature!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty() signedBy!: string;
  @ApiProperty({ enum: ['site-head', 'commune-chairman'] }) signerRole!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'The signature checked against the content now' }) signatureValid!: boolean;
}

export class CommuneAttestationsResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty() commune!: string;
  @ApiProperty({ type: [AttestationResponse] }) attestations!: AttestationResponse[];
}
