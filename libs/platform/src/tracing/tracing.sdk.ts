import type { IncomingMessage } from 'node:http';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { Resource } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { PersonalDataScrubbingProcessor } from './personal-data.span-processor';
import { keepPoolCallersContext } from './pool-callers.context';
import { scrubUrlAttributes } from './span-attributes.scrub';
import { TraceSampler } from './trace.sampler';
import { setActiveTracing } from './tracing.runtime';
import type { TracingSettings } from './tracing.settings';

/** Probes and scrapes are polled every few seconds: as spans they would bury every real request. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|$|\?)/;

/**
 * Starts the OpenTelemetry SDK: HTTP (server and client) and pg spans, W3C trace context, spans
 * batched to Zipkin or an OTLP collector, a share of new traces kept (TRACING_SAMPLE_RATIO).
 * Queries and outgoing calls are traced only inside a trace (a request, a message, an activity): the
 * publishers' and projections' polling would otherwise start a trace of their own every few
 * milliseconds.
 */
export function startTracing(settings: TracingSettings): void {
  const resource = new Resource({ 'service.name': settings.serviceName });
  const spanProcessor = new PersonalDataScrubbingProcessor(
    new BatchSpanProcessor(exporterFor(settings), { scheduledDelayMillis: 1_000 }),
  );
  const sdk = new NodeSDK({
    resource,
    sampler: new TraceSampler(settings.sampleRatio),
    spanProcessors: [spanProcessor],
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.test(req.url ?? ''),
        requireParentforOutgoingSpans: true,
        applyCustomAttributesOnSpan: scrubUrlAttributes,
      }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  // Loaded after the SDK has started, so pg is instrumented first and this wrapper is outermost.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- pg must load after the instrumentation
  keepPoolCallersContext((require('pg') as typeof import('pg')).Pool);
  setActiveTracing({ resource, spanProcessor });
}

function exporterFor(settings: TracingSettings): SpanExporter {
  return settings.exporter === 'zipkin'
    ? new ZipkinExporter({ url: settings.endpoint, serviceName: settings.serviceName })
    : new OTLPTraceExporter({ url: settings.endpoint });
}
