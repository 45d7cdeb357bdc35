import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { type LifecycleState, activeTracing } from '@vax/platform';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import type { Logger, PinoLogger } from 'nestjs-pino';
import { TemporalLogBridge } from './temporal-log.bridge';

export interface HostedWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  workflowsPath: string;
  activities: object;
  maxConcurrentActivityTaskExecutions: number;
}

/**
 * A Temporal worker run inside a service's Nest application context, so it shares its logging,
 * health and shutdown: a readiness probe while it polls, and on SIGTERM it stops polling and lets
 * running activities finish first. Each worker service starts one from its bootstrap hook.
 */
export class HostedTemporalWorker {
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    private readonly logger: Logger,
    private readonly lifecycle: LifecycleState,
    private readonly pino: PinoLogger,
  ) {}

  get state(): string {
    return this.worker?.getState() ?? 'NOT_STARTED';
  }

  async start({ address, namespace, taskQueue, ...worker }: HostedWorkerOptions): Promise<void> {
    this.lifecycle.registerProbe('worker', async () => {
      if (this.state !== 'RUNNING') throw new Error(`temporal worker is ${this.state}`);
    });
    Runtime.install({ logger: new TemporalLogBridge(this.pino), telemetryOptions: { logging: { forward: {} } } });
    const connection = await NativeConnection.connect({ address });
    this.worker = await Worker.create({ connection, namespace, taskQueue, ...worker, plugins: tracingPlugins() });
    this.running = this.worker.run().finally(() => connection.close());
    this.running.catch((error) => this.logger.error(`temporal worker stopped with an error: ${String(error)}`));
    this.logger.log(`temporal worker polling task queue ${taskQueue}`);
  }

  async stop(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
  }
}

/**
 * With tracing on: workflow and activity spans, continuing the trace passed in the workflow's
 * headers by the client that started it; workflow spans leave the sandbox through a sink.
 */
function tracingPlugins(): OpenTelemetryPlugin[] {
  const tracing = activeTracing();
  return tracing ? [new OpenTelemetryPlugin(tracing)] : [];
}
