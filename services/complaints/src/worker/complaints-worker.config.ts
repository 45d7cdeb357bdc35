import { Expose } from 'class-transformer';
import { Matches } from 'class-validator';
import { WorkflowServiceConfig } from '@vax/platform';

/** The worker serves health on PORT and polls TEMPORAL_TASK_QUEUE. */
export class ComplaintsWorkerConfig extends WorkflowServiceConfig {
  @Expose()
  @Matches(/^[a-z0-9-]+$/, { message: 'must be a task queue name (a-z, 0-9, -)' })
  TEMPORAL_TASK_QUEUE = 'complaints';
}
