import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PageResponse } from '@vax/platform';
import {
  BIRTH_LEVELS,
  GENDER_LEVELS,
  ID_LEVELS,
  NAME_LEVELS,
  PLACE_LEVELS,
} from '../identity/identity-bulk-results.v2';

// The campaign service's HTTP answers that leave the platform through the portal (managers' lists,
// campaigns and their progress), as OpenAPI schemas: the service documents its routes with them and
// the portal its relays, so the two documents cannot drift. Additive changes only; a breaking one
// is a new version file.

/** The levels progress rolls up to (the service's spec holds them equal to its domain's). */
export const CAMPAIGN_PROGRESS_LEVELS = ['district', 'commune', 'site'] as const;

// Campaigns.

const STATUSES = ['running', 'closed', 'cancelled'];
const PHASES = ['verifying', 'settling', 'following-up', 'closed', 'cancelled'];

/** A campaign as recorded when it started. */
export class CampaignResponse {
  @ApiProperty({ example: 'cmp-0a1b2c3d4e' }) campaignId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) importIds!: string[];
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({ type: 'integer' }) worklistDueDays!: number;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty() createdBy!: string;
}

export class CampaignListingResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) importIds!: string[];
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows of its lists (accepted and rejected)' }) rows!: number;
  @ApiProperty({ type: 'integer', description: 'Negative once the deadline passed' }) daysLeft!: number;
}

export class CampaignsResponse extends PageResponse {
  @ApiProperty({ type: [CampaignListingResponse], description: 'Newest first' }) campaigns!: CampaignListingResponse[];
}

export class StepAttentionResponse {
  @ApiProperty() step!: string;
  @ApiProperty() errorType!: string;
}

/** The workflow's own counters, as its progress query answers. */
export class WorkflowProgressResponse {
  @ApiProperty({ enum: PHASES }) phase!: string;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: 'integer' }) chunksTotal!: number;
  @ApiProperty({ type: 'integer' }) chunksDone!: number;
  @ApiProperty({ type: 'integer' }) sent!: number;
  @ApiProperty({ type: 'integer' }) matched!: number;
  @ApiProperty({ type: 'integer' }) mismatched!: number;
  @ApiProperty({ type: 'integer' }) notFound!: number;
  @ApiProperty({ type: 'integer' }) ambiguous!: number;
  @ApiProperty({ type: 'integer' }) invalidId!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'integer' }) mergeProposals!: number;
  @ApiProperty({ type: 'integer' }) dosesSent!: number;
  @ApiProperty({ type: 'integer' }) worklistItems!: number;
  @ApiProperty({ type: 'integer' }) rechecked!: number;
  @ApiProperty({ type: 'integer' }) followUpRounds!: number;
  @ApiPropertyOptional({ description: 'Once cancelled: why' }) cancelReason?: string;
  @ApiPropertyOptional({
    type: StepAttentionResponse,
    nullable: true,
    description: 'A step that failed for good, until a manager retries it or cancels (absent before any failed)',
  })
  attention?: StepAttentionResponse | null;
}

export class CampaignStatusResponse extends CampaignResponse {
  @ApiProperty({
    type: WorkflowProgressResponse,
    nullable: true,
    description: 'Null when the workflow does not answer within a few seconds (no worker) or is gone',
  })
  progress!: WorkflowProgressResponse | null;
}

export class SteerResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ enum: ['pause', 'resume', 'retry', 'cancel'] }) requested!: string;
}

/** One unit's counters (PROGRESS_COUNTERS), rolled up from its sites. */
export class ProgressRowResponse {
  @ApiProperty({ description: 'The district, commune or site; a site id unknown to the directory stays as it is' })
  key!: string;
  @ApiProperty({ type: 'integer' }) rows!: number;
  @ApiProperty({ type: 'integer' }) sent!: number;
  @ApiProperty({ type: 'integer' }) matched!: number;
  @ApiProperty({ type: 'integer' }) mismatched!: number;
  @ApiProperty({ type: 'integer' }) notFound!: number;
  @ApiProperty({ type: 'integer' }) invalidId!: number;
  @ApiProperty({ type: 'integer' }) rejected!: number;
  @ApiProperty({ type: 'integer' }) duplicates!: number;
  @ApiProperty({ type: 'integer' }) recorded!: number;
  @ApiProperty({ type: 'integer' }) corrected!: number;
  @ApiProperty({ type: 'integer' }) attested!: number;
  @ApiProperty({ type: 'integer' }) worklistOpen!: number;
  @ApiProperty({ type: 'integer' }) worklistOverdue!: number;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1, description: 'Null for a unit without rows' })
  settledShare!: number | null;
}

export class CampaignProgressResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({ type: 'integer' }) daysLeft!: number;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ enum: CAMPAIGN_PROGRESS_LEVELS }) groupBy!: string;
  @ApiProperty({ type: [ProgressRowResponse] }) rows!: ProgressRowResponse[];
}

// Imported lists.

const FORMATS = ['csv', 'xlsx'];

/** An imported list as managers choose among them. */
export class ImportListingResponse {
  @ApiProperty() importId!: string;
  @ApiProperty({ description: "The file's name as the site sent it" }) sourceName!: string;
  @ApiProperty({ enum: FORMATS }) format!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) rowsAccepted!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) rowsRejected!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null while it runs or after it was interrupted: such a list cannot start a campaign',
  })
  finishedAt!: string | null;
}

export class ImportsResponse extends PageResponse {
  @ApiProperty({ type: [ImportListingResponse], description: 'Newest first' }) imports!: ImportListingResponse[];
}

export class PresetsResponse {
  @ApiProperty({ type: [String], description: 'Names an upload can give as `preset`' }) presets!: string[];
}

/** What an upload read and kept, and where its per-row report is. */
export class ImportSummaryResponse {
  @ApiProperty() importId!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Data rows read in this run (empty rows skipped)' })
  rowsRead!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) accepted!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) rejected!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Accepted rows without a usable ID number' })
  withoutUsableId!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Accepted rows with at least one problem' })
  withProblems!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'How often each `field:rule` was broken',
    example: { 'dateOfBirth:format': 3 },
  })
  problems!: Record<string, number>;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows an interrupted run had written (skipped now)' })
  resumedAfterRow!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) lastRowNumber!: number;
  @ApiProperty() sourceName!: string;
  @ApiProperty({ enum: FORMATS }) format!: string;
  @ApiProperty({ example: '/campaigns/imports/imp-…/report', description: 'Where the per-row report is' })
  report!: string;
}

// A site's worklist (the rows sent back to it) and its answers to them.

/** Why a row goes back to its site (the service's spec holds them equal to its domain's). */
export const CAMPAIGN_WORKLIST_REASONS = [
  'unusable-row',
  'missing-id',
  'malformed-id',
  'identity-mismatch',
  'not-in-registry',
  'ambiguous-identity',
  'dose-facts',
  'dose-refused',
] as const;
const WORKLIST_ITEM_STATUSES = ['open', 'corrected', 'resolved', 'reopened'];

/** How each field of the row agrees with the candidate (identity.bulk-results.v2, ADR 14). */
export class LinkageEvidenceResponse {
  @ApiProperty({ enum: ID_LEVELS }) idNumber!: string;
  @ApiProperty({ enum: NAME_LEVELS }) fullName!: string;
  @ApiProperty({ enum: BIRTH_LEVELS }) dateOfBirth!: string;
  @ApiProperty({ enum: GENDER_LEVELS }) gender!: string;
  @ApiProperty({ enum: PLACE_LEVELS }) place!: string;
}

/** A registry person a row to review may be: never their ID number or address. */
export class LinkageCandidateResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ description: "The linkage model's weight of evidence, in bits (higher: likelier)" }) score!: number;
  @ApiProperty({ type: LinkageEvidenceResponse }) evidence!: LinkageEvidenceResponse;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender!: string;
  @ApiPropertyOptional() district?: string;
}

/** A site's choice among a row's candidates, as recorded on its worklist item. */
export class IdentityChoiceRecordResponse {
  @ApiProperty({ enum: ['same-person', 'none-of-them'] }) decision!: string;
  @ApiPropertyOptional({ description: 'The candidate chosen (same-person)' }) personId?: string;
  @ApiProperty({ description: 'Who chose' }) by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

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
  @ApiPropertyOptional({
    type: IdentityChoiceRecordResponse,
    description: 'A row to review the site answered: its choice, who made it and when',
  })
  choice?: IdentityChoiceRecordResponse;
}

export class WorklistItemResponse {
  @ApiProperty() itemId!: string;
  @ApiProperty({ enum: CAMPAIGN_WORKLIST_REASONS }) reason!: string;
  @ApiProperty({ enum: WORKLIST_ITEM_STATUSES }) status!: string;
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
  @ApiProperty({ enum: WORKLIST_ITEM_STATUSES }) status!: string;
}

// The campaigns a unit has work open in: what its staff pick from to review.

export class UnitWorklistResponse {
  @ApiProperty({ example: 'cmp-0a1b2c3d4e' }) campaignId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: "Rows to review (ambiguous-identity) open for the unit's sites",
  })
  openReviewItems!: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: "Every worklist item open for the unit's sites" })
  openWorklistItems!: number;
}

export class UnitWorklistsResponse extends PageResponse {
  @ApiProperty({ type: [UnitWorklistResponse], description: 'Newest campaign first; only those with open items' })
  campaigns!: UnitWorklistResponse[];
}
