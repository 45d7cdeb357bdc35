import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { MessageSink } from '@vax/messaging';
import { LifecycleState, MESSAGE_SINK, PG_POOL } from '@vax/platform';
import { HostedTemporalWorker } from '@vax/temporal-worker';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Pool } from 'pg';
import { campaignActivitiesOn } from './campaign-activities.factory';
import { CampaignWorkerConfig } from './campaign-worker.config';

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

/**
 * The campaign's Temporal worker, hosted in the Nest application context. On SIGTERM running
 * activities finish first; a chunk cut off mid-wait is retried by Temporal and finds its answers in
 * the database.
 */
@Injectable()
export class TemporalWorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly hosted: HostedTemporalWorker;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: CampaignWorkerConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MESSAGE_SINK) private readonly sink: MessageSink,
    logger: Logger,
    lifecycle: LifecycleState,
    pino: PinoLogger,
  ) {
    this.hosted = new HostedTemporalWorker(logger, lifecycle, pino);
  }

  get state(): string {
    return this.hosted.state;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.hosted.start({
      address: this.config.TEMPORAL_ADDRESS,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowsPath: require.resolve('../workflows'),
      activities: campaignActivitiesOn(this.pool, this.sink, {
        pollEveryMs: this.config.CAMPAIGN_POLL_MS,
        resendAfterMs: this.config.CAMPAIGN_RESEND_AFTER_MS,
        dosePageSize: this.config.CAMPAIGN_DOSE_PAGE,
      }),
      maxConcurrentActivityTaskExecutions: this.config.CAMPAIGN_MAX_ACTIVITIES,
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.hosted.stop();
  }
}
