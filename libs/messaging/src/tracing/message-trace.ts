import { type Context, ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';

/** The W3C header (Kafka) or metadata field (embedded log) that carries a message's trace. */
export const TRACEPARENT = 'traceparent';

const tracer = () => trace.getTracer('vax-messaging');

function contextOf(traceparent: string | undefined): Context | undefined {
  if (!traceparent) return undefined;
  const extracted = propagation.extract(ROOT_CONTEXT, { [TRACEPARENT]: traceparent });
  return trace.getSpanContext(extracted) ? extracted : undefined;
}

export interface PublishSpan {
  /** What the message carries: the producer span's context, so the consumer's span is its child. */
  traceparent?: string;
  end(error?: unknown): void;
}

/**
 * A producer span for one message, child of the trace stored with its event (or of the active span,
 * for a message sent straight from a request or an activity). A message outside any trace gets none:
 * a publisher's batch must not start traces of its own.
 */
export function startPublishSpan(topic: string, transport: string, stored?: string): PublishSpan {
  const parent = stored ? contextOf(stored) : trace.getActiveSpan() ? context.active() : undefined;
  if (!parent) return { end: () => undefined };
  const span = tracer().startSpan(
    `publish ${topic}`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': transport, 'messaging.destination.name': topic } },
    parent,
  );
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return { traceparent: carrier[TRACEPARENT], end: (error) => endSpan(span, error) };
}

/** Runs a handler in a consumer span, child of the message's producer span; untraced messages run as they are. */
export async function consumeInSpan<T>(
  topic: string,
  transport: string,
  traceparent: string | undefined,
  handle: () => Promise<T>,
): Promise<T> {
  const parent = contextOf(traceparent);
  if (!parent) return handle();
  const attributes = { 'messaging.system': transport, 'messaging.destination.name': topic };
  return tracer().startActiveSpan(`process ${topic}`, { kind: SpanKind.CONSUMER, attributes }, parent, (span) =>
    handle().then(
      (result) => (endSpan(span), result),
      (error: unknown) => {
        endSpan(span, error);
        throw error;
      },
    ),
  );
}

/** The traceparent header of a Kafka message (kafkajs gives headers as buffers). */
export function traceparentHeader(headers: Record<string, unknown> | undefined): string | undefined {
  const value = headers?.[TRACEPARENT];
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return typeof value === 'string' ? value : undefined;
}

function endSpan(span: ReturnType<ReturnType<typeof tracer>['startSpan']>, error?: unknown): void {
  if (error !== undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
  }
  span.end();
}
