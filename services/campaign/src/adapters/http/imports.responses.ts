import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@vax/platform';

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
