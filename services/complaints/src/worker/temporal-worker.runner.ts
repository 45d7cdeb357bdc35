import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { LifecycleState } from '@vax/platform';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { ComplaintLifecycleActivities } from '../activities/complaint-lifecycle.activities';
import { createPipesCheckActivities } from '../activities/pipes-check.activities';
import { ComplaintsWorkerConfig } from './complaints-worker.config';
import { LIFECYCLE_ACTIVITIES } from './lifecycle-activities.provider';
import { TemporalLogBridge } from './temporal-log.bridge';

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

/**
 * Runs the Temporal worker inside the Nest application context, so it shares logging, health and
 * shutdown: on SIGTERM the worker stops polling and lets running activities finish first.
 */
@Injectable()
export class TemporalWorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: ComplaintsWorkerConfig,
    private readonly logger: Logger,
    private readonly lifecycle: LifecycleState,
    private readonly pino: PinoLogger,
    @Inject(LIFECYCLE_ACTIVITIES) private readonly lifecycleActivities: ComplaintLifecycleActivities,
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
      activities: {
        ...createPipesCheckActivities(`complaints-worker@${hostname()}:${process.pid}`),
        ...this.lifecycleActivities,
      },
      maxConcurrentActivityTaskExecutions: 20,
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
