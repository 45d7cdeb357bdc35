import type { LoggerService } from '@nestjs/common';
import { InvalidConfigurationError } from '../config/config.loader';

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
 * Nest closes modules in order on SIGTERM/SIGINT; a dependency that hangs must not keep the
 * process alive forever, so a timer ends it after the configured grace period.
 */
export function forceExitAfter(timeoutMs: number, logger: LoggerService): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error?.(`shutdown took longer than ${timeoutMs} ms, exiting`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
