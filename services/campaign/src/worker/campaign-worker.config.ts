import { Expose, Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { WorkflowServiceConfig } from '@vax/platform';

/** The worker serves health on PORT, polls TEMPORAL_TASK_QUEUE and runs the campaigns' activities. */
export class CampaignWorkerConfig extends WorkflowServiceConfig {
  @Expose()
  @Matches(/^[a-z0-9-]+$/, { message: 'must be a task queue name (a-z, 0-9, -)' })
  TEMPORAL_TASK_QUEUE = 'campaign';

  /** How often a chunk waiting for identity's answer looks at the results table. */
  @Expose() @Type(() => Number) @IsInt() @Min(20) @Max(60_000) CAMPAIGN_POLL_MS = 250;

  /** A chunk with no answer after this long is sent again (identity records a batch once). */
  @Expose() @Type(() => Number) @IsInt() @Min(10_000) @Max(86_400_000) CAMPAIGN_RESEND_AFTER_MS = 600_000;

  /** Activities the worker runs at once: chunks in flight plus the rest. */
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(200) CAMPAIGN_MAX_ACTIVITIES = 20;

  /** Doses per message batch sent to the records. */
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) CAMPAIGN_DOSE_PAGE = 1_000;
}
