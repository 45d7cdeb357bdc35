import type { INestApplication, LoggerService } from '@nestjs/common';
import { InvalidConfigurationError } from '../config/config.loader';
import { activeTracing } from '../tracing/tracing.runtime';

/** A bad setting stops the process with the message that names it, and nothing else. */
export function exitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/**
 * On SIGTERM or SIGINT: readiness turns red, Nest closes every module in order (HTTP server, Kafka
 * consumer, Temporal worker, pools), and the process exits 0. Nest's own hooks re-raise the signal
 * instead, which reports a clean stop as a kill. A hung dependency must not keep the process alive:
 * a timer ends it with exit code 1 after the grace period.
 */
export function exitGracefullyOnSignals(
  app: INestApplication,
  timeoutMs: number,
  logger: LoggerService,
  flushMetrics: () => Promise<unknown> | undefined = () => undefined,
): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, shutting down`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms, exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      // Spans still batched, and metrics not yet pushed, would be lost with the process.
      () =>
        Promise.all([flushTraces(), Promise.resolve(flushMetrics()).catch(() => undefined)]).finally(() =>
          process.exit(0),
        ),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

async function flushTraces(): Promise<void> {
  await activeTracing()
    ?.spanProcessor.forceFlush()
    .catch(() => undefined);
}
