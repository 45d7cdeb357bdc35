import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LifecycleState } from '@vax/platform';
import { HostedTemporalWorker } from '@vax/temporal-worker';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { ComplaintLifecycleActivities } from '../activities/complaint-lifecycle.activities';
import { createPipesCheckActivities } from '../activities/pipes-check.activities';
import { ComplaintsWorkerConfig } from './complaints-worker.config';
import { LIFECYCLE_ACTIVITIES } from './lifecycle-activities.provider';

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

/** The complaints' Temporal worker, hosted in the Nest application context (logging, health, shutdown). */
@Injectable()
export class TemporalWorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly hosted: HostedTemporalWorker;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: ComplaintsWorkerConfig,
    logger: Logger,
    lifecycle: LifecycleState,
    pino: PinoLogger,
    @Inject(LIFECYCLE_ACTIVITIES) private readonly lifecycleActivities: ComplaintLifecycleActivities,
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
      activities: {
        ...createPipesCheckActivities(`complaints-worker@${hostname()}:${process.pid}`),
        ...this.lifecycleActivities,
      },
      maxConcurrentActivityTaskExecutions: 20,
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.hosted.stop();
  }
}
