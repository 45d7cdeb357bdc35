import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import type { PinoLogger } from 'nestjs-pino';

/** Temporal's own log lines go through the service's JSON logger, and so through its redaction. */
export class TemporalLogBridge extends DefaultLogger {
  constructor(logger: PinoLogger) {
    super('INFO', (entry: LogEntry) => {
      const fields = { temporal: entry.meta ?? {} };
      if (entry.level === 'ERROR') logger.error(fields, entry.message);
      else if (entry.level === 'WARN') logger.warn(fields, entry.message);
      else logger.info(fields, entry.message);
    });
  }
}
