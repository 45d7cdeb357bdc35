import { ApiProperty } from '@nestjs/swagger';

// Injections' HTTP answers that leave the platform through the portal (the record, the desk's dose,
// managers' statistics, attestations, reference data), as OpenAPI schemas: injections documents its
// routes with them and the portal its relays, so the two documents cannot drift. Additive changes
// only; a breaking one is a new version file.

// The record and the desk's dose.

export class DoseResponse {
  @ApiProperty({ format: 'uuid', description: "The desk's own id for the dose: a retry reuses it" })
  doseId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 })
  doseNumber!: number;
  @ApiProperty({ example: 'AZD1222' })
  vaccineCode!: string;
  @ApiProperty()
  lotNumber!: string;
  @ApiProperty({ format: 'date' })
  administeredOn!: string;
  @ApiProperty({ example: 'LC-TD-01' })
  siteId!: string;
  @ApiProperty({ description: 'A dose found never given: kept on record, marked voided' })
  voided!: boolean;
}

export class RecordedDoseAnswer {
  @ApiProperty({ enum: ['recorded', 'already-recorded'], description: 'already-recorded: the same doseId again' })
  outcome!: string;
  @ApiProperty({ type: DoseResponse })
  dose!: DoseResponse;
}

export class RecordDoseResponse extends DoseResponse {
  @ApiProperty({ type: 'string', nullable: true, description: 'The campaign attestation covering it, if any' })
  attestationId!: string | null;
}

export class RecoveryResponse {
  @ApiProperty({ format: 'date' })
  positiveTestOn!: string;
  @ApiProperty({ format: 'date' })
  recoveredOn!: string;
}

export class RecordResponse {
  @ApiProperty({ example: 'P000000001' })
  personId!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'null: as it stands now' })
  asOf!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Set when this record was merged into another' })
  mergedInto!: string | null;
  @ApiProperty({ type: [RecordDoseResponse] })
  doses!: RecordDoseResponse[];
  @ApiProperty({ type: [RecoveryResponse] })
  recoveries!: RecoveryResponse[];
}

// Managers' statistics (each also answered as CSV with format=csv).

export class DoseCountRow {
  @ApiProperty({ description: 'The group: a day, a site, a commune, a district, a vaccine or a dose number' })
  key!: string;
  @ApiProperty({ type: 'integer' })
  doses!: number;
}

export class DoseStatisticsResponse {
  @ApiProperty()
  groupBy!: string;
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty({ type: [DoseCountRow] })
  rows!: DoseCountRow[];
}

export class CoverageRowResponse {
  @ApiProperty()
  district!: string;
  @ApiProperty({ example: '18-49' })
  ageGroup!: string;
  @ApiProperty({ type: 'integer' })
  population!: number;
  @ApiProperty({ type: 'integer' })
  atLeastOneDose!: number;
  @ApiProperty({ type: 'integer' })
  primarySeries!: number;
  @ApiProperty({ type: 'integer' })
  booster!: number;
  @ApiProperty({ type: 'number', nullable: true, description: '0..1; null without a population to divide by' })
  oneDoseShare!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: '0..1; null without a population to divide by' })
  primarySeriesShare!: number | null;
}

export class CoverageResponse {
  @ApiProperty({ type: 'integer', description: 'The year ages are reached in' })
  year!: number;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: "When the registry's census was taken",
  })
  populationCountedAt!: string | null;
  @ApiProperty({ type: [CoverageRowResponse] })
  rows!: CoverageRowResponse[];
}

export class ShareRowResponse {
  @ApiProperty()
  key!: string;
  @ApiProperty({ type: 'integer' })
  doses!: number;
  @ApiProperty({ type: 'integer' })
  verified!: number;
  @ApiProperty({ type: 'integer' })
  attested!: number;
  @ApiProperty({ type: 'number', description: '0..1' })
  verifiedShare!: number;
  @ApiProperty({ type: 'number', description: '0..1' })
  attestedShare!: number;
}

export class VerificationShareResponse {
  @ApiProperty()
  groupBy!: string;
  @ApiProperty({ type: [ShareRowResponse] })
  rows!: ShareRowResponse[];
}

// Attestations and the reference data.

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
