import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { MessageSink } from '@vax/messaging';
import { LifecycleState, MESSAGE_SINK, PG_POOL } from '@vax/platform';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Pool } from 'pg';
import { campaignActivitiesOn } from './campaign-activities.factory';
import { CampaignWorkerConfig } from './campaign-worker.config';
import { TemporalLogBridge } from './temporal-log.bridge';

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

/**
 * Runs the Temporal worker inside the Nest application context, so it shares logging, health and
 * shutdown: on SIGTERM the worker stops polling and lets running activities finish first; a chunk
 * cut off mid-wait is retried by Temporal and finds its answers in the database.
 */
@Injectable()
export class TemporalWorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: CampaignWorkerConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MESSAGE_SINK) private readonly sink: MessageSink,
    private readonly logger: Logger,
    private readonly lifecycle: LifecycleState,
    private readonly pino: PinoLogger,
  ) {}

  get state(): string {
    return this.worker?.getState() ?? 'NOT_STARTED';
  }

  async onApplicationBootstrap(): Promise<void> {
    this.lifecycle.registerProbe('worker', async () => {
      if (this.state !== 'RUNNING') throw new Error(`temporal worker is ${this.state}`);
    });
    Runtime.install({ logger: new TemporalLogBridge(this.pino), telemetryOptions: { logging: { forward: {} } } });
    const connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection,
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
    this.running = this.worker.run().finally(() => connection.close());
    this.running.catch((error) => this.logger.error(`temporal worker stopped with an error: ${String(error)}`));
    this.logger.log(`temporal worker polling task queue ${this.config.TEMPORAL_TASK_QUEUE}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
  }
}
