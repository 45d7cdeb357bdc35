import { OTLPMetricExporter as JsonExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { Resource } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { Registry } from 'prom-client';
import type { OtlpMetricsProtocol } from './otlp-metrics.protocols';
import { PromClientMetricProducer } from './prom-client.metric-producer';

/**
 * Pushes the same metrics /metrics serves to an OTLP collector every interval (ADR 15: exposed for
 * Prometheus and over OTLP). Returns the provider, whose shutdown sends a last export.
 */
export function exportMetricsOverOtlp(
  registry: () => Registry,
  service: string,
  settings: { endpoint: string; intervalMs: number; protocol: OtlpMetricsProtocol },
): MeterProvider {
  return new MeterProvider({
    resource: new Resource({ 'service.name': service }),
    readers: [
      new PeriodicExportingMetricReader({
        exporter:
          settings.protocol === 'http/json'
            ? new JsonExporter({ url: settings.endpoint })
            : new ProtobufExporter({ url: settings.endpoint }),
        exportIntervalMillis: settings.intervalMs,
        exportTimeoutMillis: Math.min(settings.intervalMs, 10_000),
        metricProducers: [new PromClientMetricProducer(registry)],
      }),
    ],
  });
}
