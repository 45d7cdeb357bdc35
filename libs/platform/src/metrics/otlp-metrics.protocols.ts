// Apart from the exporter, so the settings can name them without loading the metrics SDK.
/** OTLP/HTTP's two encodings: protobuf, the protocol's default (what VictoriaMetrics takes), or JSON. */
export const OTLP_METRICS_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpMetricsProtocol = (typeof OTLP_METRICS_PROTOCOLS)[number];
