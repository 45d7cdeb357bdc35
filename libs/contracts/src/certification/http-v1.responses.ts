import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Certification's HTTP answers that leave the platform through the portal (a citizen's status and
// certificates, the check page's verdict), as OpenAPI schemas: certification documents its routes
// with them and the portal its relays, so the two documents cannot drift. Additive changes only; a
// breaking one is a new version file.

/** The checks of the HCERT specification, in order (certification's verifier runs exactly these). */
export const HCERT_CHECKS = [
  'prefix',
  'base45',
  'zlib',
  'cose',
  'cwt',
  'signature',
  'expiry',
  'keyUsage',
  'schema',
  'valueSets',
  'revocation',
  'rules',
] as const;

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
  @ApiProperty({ type: 'string', enum: [...HCERT_CHECKS], nullable: true, description: 'The first check that failed' })
  failed!: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  reason!: string | null;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(HCERT_CHECKS.map((c) => [c, OUTCOME])),
    required: [...HCERT_CHECKS],
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
