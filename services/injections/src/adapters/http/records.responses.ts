import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldProblemResponse } from '@vax/platform';

// The bodies the record routes answer with, as OpenAPI schemas: the fuzz tier holds every real
// answer to them, so a client may generate code from them.

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

export class SyncResultResponse {
  @ApiProperty({ format: 'uuid' })
  doseId!: string;
  @ApiProperty({ enum: ['accepted', 'already-present', 'rejected'] })
  result!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'accepted or already present' })
  doseNumber?: number;
  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'rejected: each broken rule' })
  problems?: FieldProblemResponse[];
}

export class SyncDosesResponse {
  @ApiProperty({ type: [SyncResultResponse], description: 'One per dose sent, in order' })
  results!: SyncResultResponse[];
}

export class RecordDosesResponse {
  @ApiProperty()
  personId!: string;
  @ApiProperty({ type: [DoseResponse], description: 'The record’s doses after the change' })
  doses!: DoseResponse[];
}

export class MergedRecordResponse extends RecordDosesResponse {
  @ApiProperty({ description: 'The duplicate record, now closed and pointing here' })
  mergedPersonId!: string;
}

export class RecoveriesResponse {
  @ApiProperty()
  personId!: string;
  @ApiProperty({ type: [RecoveryResponse] })
  recoveries!: RecoveryResponse[];
}
