import { context, propagation } from '@opentelemetry/api';

/**
 * The W3C traceparent of the span the append runs in, stored in the event's metadata (undefined,
 * so absent from the JSON, when nothing is traced: without the SDK the propagator is a no-op).
 */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}
