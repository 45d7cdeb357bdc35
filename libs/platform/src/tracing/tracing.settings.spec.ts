import { TracingSettingError, tracingSettingsFrom } from './tracing.settings';

describe('tracing settings', () => {
  const entry = '/srv/dist/services/complaints/src/worker.main.js';

  it('are off unless asked for, exporting to the local Zipkin when on', () => {
    expect(tracingSettingsFrom({}, entry).enabled).toBe(false);
    expect(tracingSettingsFrom({ TRACING_ENABLED: 'true' }, entry)).toEqual({
      enabled: true,
      serviceName: 'complaints-worker',
      exporter: 'zipkin',
      endpoint: 'http://127.0.0.1:9411/api/v2/spans',
      sampleRatio: 1,
    });
  });

  it('keep every trace unless a sample ratio is set', () => {
    expect(tracingSettingsFrom({ TRACING_SAMPLE_RATIO: '0.05' }, entry).sampleRatio).toBe(0.05);
    expect(tracingSettingsFrom({ TRACING_SAMPLE_RATIO: '0' }, entry).sampleRatio).toBe(0);
    expect(tracingSettingsFrom({ TRACING_SAMPLE_RATIO: '1' }, entry).sampleRatio).toBe(1);
  });

  it('name the service from its entry file unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(tracingSettingsFrom({}, '/x/dist/services/injections/src/main.js').serviceName).toBe('injections');
    expect(tracingSettingsFrom({ OTEL_SERVICE_NAME: 'bench' }, entry).serviceName).toBe('bench');
    expect(tracingSettingsFrom({}, '/x/dist/bench/dose.bench.js').serviceName).toBe('vax-process');
  });

  it('take an OTLP collector instead', () => {
    const s = tracingSettingsFrom({ TRACING_ENABLED: 'true', TRACING_EXPORTER: 'otlp' }, entry);
    expect(s).toMatchObject({ exporter: 'otlp', endpoint: 'http://127.0.0.1:4318/v1/traces' });
  });

  it.each([
    [{ TRACING_ENABLED: 'yes' }, 'TRACING_ENABLED'],
    [{ TRACING_EXPORTER: 'jaeger' }, 'TRACING_EXPORTER'],
    [{ TRACING_ENDPOINT: 'zipkin:9411' }, 'TRACING_ENDPOINT'],
    [{ TRACING_SAMPLE_RATIO: '1.5' }, 'TRACING_SAMPLE_RATIO'],
    [{ TRACING_SAMPLE_RATIO: '10%' }, 'TRACING_SAMPLE_RATIO'],
    [{ TRACING_SAMPLE_RATIO: '' }, 'TRACING_SAMPLE_RATIO'],
  ])('refuse %j, naming the setting', (env, name) => {
    expect(() => tracingSettingsFrom(env, entry)).toThrow(TracingSettingError);
    expect(() => tracingSettingsFrom(env, entry)).toThrow(name);
  });
});
