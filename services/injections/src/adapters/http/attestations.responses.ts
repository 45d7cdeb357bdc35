import { ApiProperty } from '@nestjs/swagger';

// The bodies of the attestation and reference routes, as OpenAPI schemas.

export class AttestedEntryResponse {
  @ApiProperty({ format: 'uuid' })
  doseId!: string;
  @ApiProperty()
  personId!: string;
  @ApiProperty({ type: 'integer' })
  doseNumber!: number;
  @ApiProperty()
  vaccineCode!: string;
  @ApiProperty()
  lotNumber!: string;
  @ApiProperty({ format: 'date' })
  administeredOn!: string;
  @ApiProperty({ format: 'uuid', description: 'The identity verification the dose was recorded on' })
  verificationId!: string;
}

export class AttestationResponse {
  @ApiProperty({ format: 'uuid' })
  attestationId!: string;
  @ApiProperty()
  siteId!: string;
  @ApiProperty({ format: 'date' })
  day!: string;
  @ApiProperty({ type: [AttestedEntryResponse] })
  entries!: AttestedEntryResponse[];
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical content that was signed' })
  contentSha256!: string;
  @ApiProperty({ description: 'Ed25519 signature (base64) of the canonical content' })
  signature!: string;
  @ApiProperty()
  keyId!: string;
  @ApiProperty()
  signedBy!: string;
  @ApiProperty({ example: 'site-head' })
  signerRole!: string;
  @ApiProperty({ format: 'date-time' })
  signedAt!: string;
  @ApiProperty({ description: 'The signature checked against the content when read' })
  signatureValid!: boolean;
}

export class AttestationsResponse {
  @ApiProperty({ type: [AttestationResponse] })
  attestations!: AttestationResponse[];
}

export class VaccineDccCodes {
  @ApiProperty({ description: 'EU medicinal product' })
  mp!: string;
  @ApiProperty({ description: 'EU marketing authorisation holder' })
  ma!: string;
  @ApiProperty({ description: 'EU vaccine prophylaxis' })
  vp!: string;
}

export class VaccineResponse {
  @ApiProperty({ example: 'AZD1222' })
  code!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: 'integer' })
  primaryDoses!: number;
  @ApiProperty({ type: 'integer' })
  minIntervalDays!: number;
  @ApiProperty({ type: VaccineDccCodes })
  dcc!: VaccineDccCodes;
}

export class SiteResponse {
  @ApiProperty({ example: 'LC-TD-01' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ example: 'fixed' })
  kind!: string;
  @ApiProperty()
  commune!: string;
  @ApiProperty()
  district!: string;
  @ApiProperty({ format: 'date' })
  openedOn!: string;
  @ApiProperty()
  active!: boolean;
}

export class ReferenceResponse {
  @ApiProperty({ type: [VaccineResponse] })
  vaccines!: VaccineResponse[];
  @ApiProperty({ type: [SiteResponse] })
  sites!: SiteResponse[];
  @ApiProperty({ type: 'integer' })
  boosterMinIntervalDays!: number;
}
