import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { pinoOptions } from '../logging/logging.module';

describe('trace ids in the JSON logs', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    pinoOptions('injections', 'info'),
    new Writable({ write: (chunk: Buffer, _, done) => (lines.push(JSON.parse(chunk.toString())), done()) }),
  );

  beforeAll(() => {
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  it("carry the active span's trace and span ids, whole, while ID numbers are still masked", () => {
    // A trace id that is mostly digits, as about one in ten are: it must not be taken for an ID number.
    const spanContext = { traceId: '4bf92f35123456789a3ce929d0e0e473', spanId: '0123456789abcdef', traceFlags: 1 };
    context.with(trace.setSpanContext(context.active(), spanContext), () =>
      logger.info({ idNumber: '001203004567' }, 'dose recorded for 001203004567'),
    );
    expect(lines.pop()).toMatchObject({
      traceId: spanContext.traceId,
      spanId: spanContext.spanId,
      msg: 'dose recorded for ************',
      idNumber: '[redacted]',
    });
  });

  it('are absent outside any span', () => {
    logger.info('started');
    expect(lines.pop()).not.toHaveProperty('traceId');
  });
});
