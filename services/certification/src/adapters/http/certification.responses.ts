import { ApiProperty } from '@nestjs/swagger';

// The bodies only certification's own callers get (verifier apps, operators), as OpenAPI schemas
// (those the portal relays are in libs/contracts/src/certification/http-v1.responses.ts): the fuzz
// tier holds every real answer to them.

export class TrustedCertificateResponse {
  @ApiProperty()
  kid!: string;
  @ApiProperty({ enum: ['DSC'] })
  certificateType!: string;
  @ApiProperty({ example: 'VN' })
  country!: string;
  @ApiProperty({ description: 'base64 DER' })
  rawData!: string;
  @ApiProperty()
  development!: boolean;
}

export class CscaResponse {
  @ApiProperty({ example: 'VN' })
  country!: string;
  @ApiProperty({ description: 'base64 DER' })
  rawData!: string;
  @ApiProperty()
  development!: boolean;
}

export class TrustListResponse {
  @ApiProperty({ type: [TrustedCertificateResponse] })
  certificates!: TrustedCertificateResponse[];
  @ApiProperty({ type: [CscaResponse] })
  csca!: CscaResponse[];
}

export class RevocationEntryResponse {
  @ApiProperty({ description: 'SHA-256 truncated to 128 bits, base64' })
  hash!: string;
}

export class RevocationBatchResponse {
  @ApiProperty()
  country!: string;
  @ApiProperty()
  kid!: string;
  @ApiProperty({ enum: ['SIGNATURE', 'UCI', 'COUNTRYCODEUCI'] })
  hashType!: string;
  @ApiProperty({ format: 'date-time' })
  expires!: string;
  @ApiProperty({ type: [RevocationEntryResponse] })
  entries!: RevocationEntryResponse[];
}

export class RevocationListResponse {
  @ApiProperty({ type: [RevocationBatchResponse] })
  batches!: RevocationBatchResponse[];
}

export class RulesVersionResponse {
  @ApiProperty()
  version!: string;
  @ApiProperty({ type: 'integer' })
  count!: number;
}

export class ValueSetsVersionResponse {
  @ApiProperty()
  version!: string;
  @ApiProperty({ type: 'integer' })
  sets!: number;
}

export class VerificationReferenceResponse {
  @ApiProperty({ type: RulesVersionResponse })
  rules!: RulesVersionResponse;
  @ApiProperty({ type: ValueSetsVersionResponse })
  valueSets!: ValueSetsVersionResponse;
  @ApiProperty({ format: 'date-time' })
  loadedAt!: string;
}

export class ReloadResponse {
  @ApiProperty({ description: 'Always true in a 200: a refused reload answers 422' })
  reloaded!: boolean;
  @ApiProperty({ type: RulesVersionResponse })
  rules!: RulesVersionResponse;
  @ApiProperty({ type: ValueSetsVersionResponse })
  valueSets!: ValueSetsVersionResponse;
}
