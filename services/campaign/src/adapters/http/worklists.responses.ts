import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PageResponse } from '@vax/platform';
import { WORKLIST_REASONS } from '../../domain/classification/row-class';
import { LinkageCandidateResponse } from './linkage-candidate.response';

const ITEM_STATUSES = ['open', 'corrected', 'resolved', 'reopened'];
const PROPOSAL_STATUSES = ['proposed', 'confirmed', 'rejected'];

/** The row as the site's list has it (any field may be missing there). */
export class ListRowResponse {
  @ApiProperty({ type: String, nullable: true }) fullName!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'male or female as read' }) gender!: string | null;
  @ApiProperty({ type: String, nullable: true }) idNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) vaccineCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) lotNumber!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) administeredOn!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) doseNumber!: number | null;
}

export class DifferenceResponse {
  @ApiProperty({ example: 'dateOfBirth' }) field!: string;
  @ApiProperty({ example: 'differs' }) kind!: string;
}

export class RefusalResponse {
  @ApiProperty() field!: string;
  @ApiProperty() rule!: string;
}

/** Why the row came back: the registry's differences, the row's problems, or the records' refusal. */
@ApiExtraModels(RefusalResponse)
export class WorklistDetailsResponse {
  @ApiPropertyOptional({ type: [DifferenceResponse] }) differences?: DifferenceResponse[];
  @ApiPropertyOptional({
    description: "The row's problems as `field:rule|…` (a string), or, for a dose the records refused, their rules",
    oneOf: [{ type: 'string' }, { type: 'array', items: { $ref: getSchemaPath(RefusalResponse) } }],
  })
  problems?: string | RefusalResponse[];
  @ApiPropertyOptional({ example: 'records' }) refusedBy?: string;
  @ApiPropertyOptional({
    type: [LinkageCandidateResponse],
    description: "A row to review (ambiguous-identity): the registry's candidates, best first; the site chooses",
  })
  candidates?: LinkageCandidateResponse[];
}

export class WorklistItemResponse {
  @ApiProperty() itemId!: string;
  @ApiProperty({ enum: WORKLIST_REASONS }) reason!: string;
  @ApiProperty({ enum: ITEM_STATUSES }) status!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ description: "The site's own file, to find the row there" }) sourceName!: string;
  @ApiProperty({ type: 'integer' }) rowNumber!: number;
  @ApiProperty({ type: ListRowResponse }) row!: ListRowResponse;
  @ApiProperty({ type: WorklistDetailsResponse }) details!: WorklistDetailsResponse;
}

export class WorklistResponse extends PageResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null: the rows of no known site' }) siteId!: string | null;
  @ApiProperty({ type: [WorklistItemResponse], description: 'By due day, then item id; `limit` of them at most' })
  items!: WorklistItemResponse[];
}

export class CorrectionResponse {
  @ApiProperty() itemId!: string;
  @ApiProperty({ enum: ITEM_STATUSES }) status!: string;
}

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
