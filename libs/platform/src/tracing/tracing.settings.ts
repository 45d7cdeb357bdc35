/** How a process exports its spans, read from the environment before anything else loads. */
export interface TracingSettings {
  enabled: boolean;
  serviceName: string;
  /** zipkin: the Zipkin server's v2 API; otlp: an OTLP/HTTP collector (traces endpoint). */
  exporter: 'zipkin' | 'otlp';
  endpoint: string;
  /** The share of new traces kept (head sampling); a trace begun elsewhere follows its caller's choice. */
  sampleRatio: number;
}

const DEFAULT_ENDPOINTS = {
  zipkin: 'http://127.0.0.1:9411/api/v2/spans',
  otlp: 'http://127.0.0.1:4318/v1/traces',
} as const;

/** A bad tracing setting names itself; the preload stops the process on it, like any other setting. */
export class TracingSettingError extends Error {}

/**
 * TRACING_ENABLED (true|false, default false), TRACING_EXPORTER (zipkin|otlp, default zipkin),
 * TRACING_ENDPOINT (default the exporter's local address), OTEL_SERVICE_NAME (default: from the
 * entry file, `services/complaints/src/worker.main.js` → complaints-worker), TRACING_SAMPLE_RATIO
 * (0 to 1, default 1: every trace, as development and the tests want; production sets its share).
 */
export function tracingSettingsFrom(env: NodeJS.ProcessEnv, entry: string | undefined): TracingSettings {
  const enabled = env.TRACING_ENABLED ?? 'false';
  if (enabled !== 'true' && enabled !== 'false')
    throw new TracingSettingError(`TRACING_ENABLED must be true or false (got "${enabled}")`);
  const exporter = env.TRACING_EXPORTER ?? 'zipkin';
  if (exporter !== 'zipkin' && exporter !== 'otlp')
    throw new TracingSettingError(`TRACING_EXPORTER must be zipkin or otlp (got "${exporter}")`);
  const endpoint = env.TRACING_ENDPOINT ?? DEFAULT_ENDPOINTS[exporter];
  if (!/^https?:\/\/[^\s]+$/.test(endpoint))
    throw new TracingSettingError(`TRACING_ENDPOINT must be an http(s) URL (got "${endpoint}")`);
  return {
    enabled: enabled === 'true',
    serviceName: env.OTEL_SERVICE_NAME ?? serviceOfEntry(entry),
    exporter,
    endpoint,
    sampleRatio: sampleRatioFrom(env.TRACING_SAMPLE_RATIO),
  };
}

function sampleRatioFrom(value = '1'): number {
  const ratio = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(ratio))
    throw new TracingSettingError(`TRACING_SAMPLE_RATIO must be a number from 0 to 1 (got "${value}")`);
  return ratio;
}

function serviceOfEntry(entry: string | undefined): string {
  const match = /services\/([^/]+)\/src\/(?:([^/]+)\.)?main\.js$/.exec(entry ?? '');
  if (!match) return 'vax-process';
  return match[2] ? `${match[1]}-${match[2]}` : match[1];
}
