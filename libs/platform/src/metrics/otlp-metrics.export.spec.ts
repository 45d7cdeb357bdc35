import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { exportMetricsOverOtlp } from './otlp-metrics.export';

// The OTLP/HTTP collector here is a plain HTTP server that keeps what it is sent: the exporter is the
// real one (its JSON encoding, readable here), so what is checked is what a collector receives. The
// protobuf encoding goes to VictoriaMetrics in the observability e2e.
interface OtlpAttribute {
  key: string;
  value: { stringValue?: string };
}
interface OtlpPoint {
  attributes: OtlpAttribute[];
  asDouble?: number;
  count?: string | number;
  sum?: number;
  bucketCounts?: (string | number)[];
  explicitBounds?: number[];
}
interface OtlpMetric {
  name: string;
  sum?: { dataPoints: OtlpPoint[]; isMonotonic: boolean };
  gauge?: { dataPoints: OtlpPoint[] };
  histogram?: { dataPoints: OtlpPoint[] };
}
interface OtlpExport {
  resourceMetrics: { resource: { attributes: OtlpAttribute[] }; scopeMetrics: { metrics: OtlpMetric[] }[] }[];
}

const attrs = (point: { attributes: OtlpAttribute[] }) =>
  Object.fromEntries(point.attributes.map((a) => [a.key, a.value.stringValue]));

describe('metrics over OTLP', () => {
  let collector: Server;
  const received: OtlpExport[] = [];

  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as OtlpExport);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => collector.close(resolve)));

  it('pushes what /metrics serves (counters, gauges, histograms, their labels) under the service name', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'injections' });
    new Counter({ name: 'doses_total', help: 'doses', labelNames: ['site'], registers: [registry] })
      .labels('LC-TD-01')
      .inc(3);
    new Gauge({ name: 'messaging_partitions_waiting', help: 'waiting', registers: [registry] }).set(7);
    const latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'latency',
      labelNames: ['route'],
      buckets: [0.5, 1],
      registers: [registry],
    });
    for (const seconds of [0.2, 0.7, 3]) latency.labels('/records/:personId').observe(seconds);

    const { port } = collector.address() as AddressInfo;
    const provider = exportMetricsOverOtlp(() => registry, 'injections', {
      endpoint: `http://127.0.0.1:${port}/v1/metrics`,
      intervalMs: 60_000,
      protocol: 'http/json',
    });
    await provider.forceFlush();
    await provider.shutdown();

    const resource = received[0].resourceMetrics[0].resource;
    expect(attrs(resource)).toMatchObject({ 'service.name': 'injections' });
    const metrics = new Map(
      received[0].resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics)).map((m) => [m.name, m]),
    );
    const doses = metrics.get('doses_total')!.sum!;
    expect(doses.isMonotonic).toBe(true);
    expect(doses.dataPoints.map((p) => [attrs(p), p.asDouble])).toEqual([
      [{ site: 'LC-TD-01', service: 'injections' }, 3],
    ]);
    expect(metrics.get('messaging_partitions_waiting')!.gauge!.dataPoints[0].asDouble).toBe(7);
    const [histogram] = metrics.get('http_request_duration_seconds')!.histogram!.dataPoints;
    expect(attrs(histogram)).toEqual({ route: '/records/:personId', service: 'injections' });
    expect(histogram.explicitBounds).toEqual([0.5, 1]);
    // One observation in each of (…, 0.5], (0.5, 1] and (1, +Inf): per bucket, not cumulative.
    expect(histogram.bucketCounts!.map(Number)).toEqual([1, 1, 1]);
    expect(Number(histogram.count)).toBe(3);
    expect(histogram.sum).toBeCloseTo(3.9);
  });
});
