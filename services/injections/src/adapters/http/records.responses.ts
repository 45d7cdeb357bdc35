import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DoseResponse, RecoveryResponse } from '@vax/contracts/injections/http-v1.responses';
import { FieldProblemResponse } from '@vax/platform';

// The bodies of the record routes only injections' own callers get, as OpenAPI schemas (those the
// portal relays are in libs/contracts/src/injections/http-v1.responses.ts).

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
