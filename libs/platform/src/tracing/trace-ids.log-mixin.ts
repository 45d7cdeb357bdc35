import { isSpanContextValid, trace } from '@opentelemetry/api';

/** pino mixin: the active span's trace and span ids (nothing when tracing is off or no span is active). */
export function traceIdsOfActiveSpan(): { traceId?: string; spanId?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !isSpanContextValid(context)) return {};
  return { traceId: context.traceId, spanId: context.spanId };
}
