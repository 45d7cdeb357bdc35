import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { consumeInSpan, startPublishSpan, traceparentHeader } from './message-trace';

describe('trace context carried by messages', () => {
  const exporter = new InMemorySpanExporter();

  beforeAll(() => {
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterEach(() => exporter.reset());

  const spans = () => exporter.getFinishedSpans();
  const inRequestSpan = <T>(work: () => Promise<T>) =>
    trace.getTracer('test').startActiveSpan('POST /complaints', async (span) => {
      try {
        return await work();
      } finally {
        span.end();
      }
    });

  it('a message sent in a traced request is published and consumed as child spans of that request', async () => {
    await inRequestSpan(async () => {
      const publish = startPublishSpan('injections.corrections.v1', 'kafka');
      publish.end();
      await consumeInSpan('injections.corrections.v1', 'kafka', publish.traceparent, async () => undefined);
    });
    const [producer, consumer, request] = spans();
    expect([producer.kind, consumer.kind]).toEqual([SpanKind.PRODUCER, SpanKind.CONSUMER]);
    expect(producer.parentSpanId).toBe(request.spanContext().spanId);
    expect(consumer.parentSpanId).toBe(producer.spanContext().spanId);
    expect(new Set(spans().map((s) => s.spanContext().traceId)).size).toBe(1);
  });

  it("a stored event's traceparent is the parent when the publisher runs outside any trace", async () => {
    const stored = await inRequestSpan(async () => {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      return carrier.traceparent;
    });
    exporter.reset();
    const publish = startPublishSpan('injections.events.v1', 'embedded', stored);
    publish.end();
    expect(spans()[0].spanContext().traceId).toBe(stored.split('-')[1]);
    expect(spans()[0].parentSpanId).toBe(stored.split('-')[2]);
  });

  it('untraced messages make no spans, and their handlers run as they are', async () => {
    const publish = startPublishSpan('injections.events.v1', 'kafka');
    publish.end();
    expect(publish.traceparent).toBeUndefined();
    await expect(consumeInSpan('t', 'kafka', undefined, async () => 42)).resolves.toBe(42);
    expect(spans()).toEqual([]);
  });

  it("a failing handler's span ends as an error, and the error still reaches the retry loop", async () => {
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const failing = consumeInSpan('t', 'kafka', parent, async () => Promise.reject(new TypeError('boom')));
    await expect(failing).rejects.toThrow('boom');
    expect(spans()[0]).toMatchObject({ status: { code: 2, message: 'TypeError' }, parentSpanId: 'b7ad6b7169203331' });
  });

  it('reads the traceparent header as kafkajs hands it over (a buffer)', () => {
    expect(traceparentHeader({ traceparent: Buffer.from('00-abc-def-01') })).toBe('00-abc-def-01');
    expect(traceparentHeader({})).toBeUndefined();
  });
});
