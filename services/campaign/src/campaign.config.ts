import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { type ConfigProblem, WorkflowServiceConfig, unfitForProduction } from '@vax/platform';

/** Settings of the campaign API, read from the environment and validated at start-up. */
export class CampaignConfig extends WorkflowServiceConfig {
  /** The campaign worker's task queue (campaign-worker's TEMPORAL_TASK_QUEUE). */
  @Expose()
  @Matches(/^[a-z0-9-]+$/, { message: 'must be a task queue name (a-z, 0-9, -)' })
  TEMPORAL_TASK_QUEUE = 'campaign';

  /** Rows per bulk request: identity takes up to 5,000; 2,000 keeps each answer well under Kafka's 1 MB. */
  @Expose() @Type(() => Number) @IsInt() @Min(100) @Max(5_000) CAMPAIGN_CHUNK_SIZE = 2_000;

  /** Bulk requests a campaign keeps in flight. */
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(64) CAMPAIGN_MAX_IN_FLIGHT = 6;

  /** Days a site has for a worklist item (never past the campaign's deadline), unless a campaign says otherwise. */
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(90) WORKLIST_DUE_DAYS = 7;

  /** The largest list an upload may be (bytes): the file is streamed, never held, so this bounds time, not memory. */
  @Expose() @Type(() => Number) @IsInt() @Min(1024 * 1024) @Max(8 * 1024 ** 3) IMPORT_MAX_BYTES = 512 * 1024 * 1024;

  /** No COVID-19 injection of an imported list before this day (the province's first doses; the CLI's --first-day). */
  @Expose()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  FIRST_VACCINATION_DAY = '2021-03-01';

  /** PEM Ed25519 private key that signs attested lists; without it a development key is generated. */
  @Expose() @IsOptional() @IsString() ATTESTATION_KEY_FILE?: string;

  @Expose() @IsString() ATTESTATION_DEV_KEY_FILE = '.run/campaign-attestation.dev-key.pem';

  override productionProblems(): ConfigProblem[] {
    const developmentKey = !this.ATTESTATION_KEY_FILE;
    return [
      ...super.productionProblems(),
      ...(developmentKey ? [unfitForProduction('ATTESTATION_KEY_FILE', 'is missing (a development key)')] : []),
    ];
  }
}
