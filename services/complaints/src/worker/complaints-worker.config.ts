import { Expose } from 'class-transformer';
import { IsIn, Matches } from 'class-validator';
import { WorkflowServiceConfig } from '@vax/platform';

/** The worker serves health on PORT and polls TEMPORAL_TASK_QUEUE. */
export class ComplaintsWorkerConfig extends WorkflowServiceConfig {
  @Expose()
  @Matches(/^[a-z0-9-]+$/, { message: 'must be a task queue name (a-z, 0-9, -)' })
  TEMPORAL_TASK_QUEUE = 'complaints';

  /** The identity service, which checks each complaint's stated person against the registry. */
  @Expose()
  @Matches(/^https?:\/\/[^\s/]+\/?$/, { message: 'must be the http(s)://host:port of the identity service' })
  IDENTITY_URL = 'http://127.0.0.1:3001';

  /** The province whose SLA overrides apply (reference/sla-policy.json), e.g. 12 for Lai Châu. */
  @Expose()
  @Matches(/^\d{2}$/, { message: 'must be a two-digit province code' })
  PROVINCE_CODE = '12';

  /**
   * How citizens and units are told. Only `development` exists yet: messages are kept in PostgreSQL
   * for the portal to show, never sent. An SMS gateway adapter is the production choice to come.
   */
  @Expose()
  @IsIn(['development'], { message: 'must be development (no SMS gateway adapter yet)' })
  NOTIFICATIONS = 'development' as const;
}
