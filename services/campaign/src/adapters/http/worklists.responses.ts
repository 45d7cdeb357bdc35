import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponse } from '@vax/platform';

// A site's worklist and its corrections are HTTP contracts the portal relays (libs/contracts,
// campaign/http-v1.responses.ts); the merge proposals, which it does not relay yet, stay here.
const PROPOSAL_STATUSES = ['proposed', 'confirmed', 'rejected'];

/** A row's dose facts as a proposal shows them (no identity fields). */
export class ProposalRowResponse {
  @ApiProperty() importId!: string;
  @ApiProperty({ type: 'integer' }) rowNumber!: number;
  @ApiProperty({ type: String, nullable: true }) siteId!: string | null;
  @ApiProperty({ type: String, nullable: true }) vaccineCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) lotNumber!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) administeredOn!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) doseNumber!: number | null;
}

/** One piece of evidence: the same person (`via`), days apart, or whether a fact is the same. */
export class EvidenceResponse {
  @ApiProperty({ enum: ['samePerson', 'administeredOn', 'vaccine', 'lotNumber', 'site', 'doseNumber'] })
  kind!: string;
  @ApiPropertyOptional({ enum: ['registry', 'idNumberNameAndBirth'], description: 'samePerson' }) via?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'administeredOn' }) daysApart?: number;
  @ApiPropertyOptional({ description: 'vaccine, lotNumber, site, doseNumber' }) same?: boolean;
}

export class MergeProposalResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: string;
  @ApiProperty({ type: [EvidenceResponse] }) evidence!: EvidenceResponse[];
  @ApiProperty({ type: ProposalRowResponse, description: 'The row kept' }) keep!: ProposalRowResponse;
  @ApiProperty({ type: ProposalRowResponse, description: 'The row proposed as its duplicate' })
  duplicate!: ProposalRowResponse;
}

export class MergeProposalsResponse extends PageResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ type: [MergeProposalResponse] }) proposals!: MergeProposalResponse[];
}

export class MergeDecisionResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status!: string;
}
