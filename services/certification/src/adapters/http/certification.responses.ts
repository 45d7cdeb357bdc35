import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECKS } from '../../hcert/hcert.verifier';

// The bodies certification answers with, as OpenAPI schemas: the fuzz tier holds every real answer
// to them, so a verifier app or the portal may generate its client from them.

export class VaccinationStatusResponse {
  @ApiProperty({ enum: ['not-vaccinated', 'partially-vaccinated', 'fully-vaccinated', 'booster', 'recovered'] })
  status!: string;
  @ApiPropertyOptional({ type: 'integer' })
  dosesGiven?: number;
  @ApiPropertyOptional({ type: 'integer' })
  dosesRequired?: number;
  @ApiPropertyOptional({ format: 'date' })
  lastDoseOn?: string;
  @ApiPropertyOptional({ format: 'date', description: 'recovered: the positive test' })
  positiveTestOn?: string;
  @ApiPropertyOptional({ format: 'date' })
  validFrom?: string;
  @ApiPropertyOptional({ format: 'date' })
  validUntil?: string;
}

export class CertificateSummaryResponse {
  @ApiProperty({ description: 'The UCI (URN:UVCI:…)' })
  certificateId!: string;
  @ApiProperty({ enum: ['v', 'r'], description: 'v: vaccination, r: recovery' })
  type!: string;
  @ApiProperty({ enum: ['partially-vaccinated', 'fully-vaccinated', 'booster', 'recovered'] })
  status!: string;
  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
  @ApiProperty({ description: 'base64 of the 8-byte key id' })
  kid!: string;
  @ApiProperty()
  valueSetVersion!: string;
  @ApiProperty({ description: 'The QR text: HC1:…' })
  hc1!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The certificate this one replaced' })
  replaces!: string | null;
}

export class RevocationResponse {
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty({ enum: ['dose-corrected', 'dose-voided', 'superseded', 'holder-details-changed'] })
  reason!: string;
  @ApiProperty({ type: 'string', nullable: true })
  replacedBy!: string | null;
}

export class IssuedCertificateResponse extends CertificateSummaryResponse {
  @ApiProperty({ type: RevocationResponse, nullable: true, description: 'null while valid' })
  revoked!: RevocationResponse | null;
}

export class CertificationResponse {
  @ApiProperty()
  personId!: string;
  @ApiProperty({ type: VaccinationStatusResponse, description: 'The status today' })
  status!: VaccinationStatusResponse;
  @ApiProperty({ type: CertificateSummaryResponse, nullable: true, description: 'The valid certificate, if any' })
  certificate!: CertificateSummaryResponse | null;
  @ApiProperty({ type: [IssuedCertificateResponse], description: 'Every certificate ever issued, oldest first' })
  history!: IssuedCertificateResponse[];
}

const OUTCOME = { type: 'string', enum: ['passed', 'failed', 'skipped'] } as const;

export class RuleDescriptionResponse {
  @ApiProperty({ type: 'string', nullable: true })
  vi!: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  en!: string | null;
}

export class FailedRuleResponse {
  @ApiProperty({ example: 'VR-VN-0001' })
  id!: string;
  @ApiProperty()
  country!: string;
  @ApiProperty()
  version!: string;
  @ApiProperty({ enum: ['failed', 'open'], description: 'open: the rule could not be evaluated' })
  outcome!: string;
  @ApiProperty({ type: RuleDescriptionResponse })
  description!: RuleDescriptionResponse;
  @ApiPropertyOptional()
  error?: string;
}

export class RulesAppliedResponse {
  @ApiProperty()
  country!: string;
  @ApiProperty({ type: 'integer' })
  applied!: number;
}

export class VerdictVersionsResponse {
  @ApiProperty({ description: 'The schema release the declared ver was judged with' })
  schema!: string;
  @ApiProperty({ type: 'string', nullable: true })
  valueSets!: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  rules!: string | null;
}

export class HolderResponse {
  @ApiProperty({ description: 'As on the certificate: family name, then given name' })
  name!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'As on the certificate (YYYY, YYYY-MM or YYYY-MM-DD)' })
  dateOfBirth!: string | null;
}

export class VerificationVerdictResponse {
  @ApiProperty()
  valid!: boolean;
  @ApiProperty({ type: 'string', enum: [...CHECKS], nullable: true, description: 'The first check that failed' })
  failed!: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  reason!: string | null;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(CHECKS.map((c) => [c, OUTCOME])),
    required: [...CHECKS],
    description: 'Each check of the HCERT specification, in order',
  })
  checks!: Record<string, string>;
  @ApiPropertyOptional()
  kid?: string;
  @ApiPropertyOptional()
  issuer?: string;
  @ApiPropertyOptional({ enum: ['v', 'r', 't'] })
  type?: string;
  @ApiPropertyOptional()
  certificateId?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  issuedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  expiresAt?: string;
  @ApiPropertyOptional({ type: [FailedRuleResponse] })
  failedRules?: FailedRuleResponse[];
  @ApiPropertyOptional({ type: RulesAppliedResponse })
  rules?: RulesAppliedResponse;
  @ApiPropertyOptional({ type: VerdictVersionsResponse })
  versions?: VerdictVersionsResponse;
  @ApiProperty({ type: HolderResponse, nullable: true, description: 'To compare with their ID; null if unreadable' })
  holder!: HolderResponse | null;
}

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
