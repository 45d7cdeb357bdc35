import { type Attributes, type HrTime, ValueType } from '@opentelemetry/api';
import { hrTime, millisToHrTime } from '@opentelemetry/core';
import { Resource } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  type CollectionResult,
  DataPointType,
  InstrumentType,
  type MetricData,
  type MetricProducer,
} from '@opentelemetry/sdk-metrics';
import type { MetricObjectWithValues, MetricValue, MetricValueWithName, Registry } from 'prom-client';

/**
 * The process's prom-client metrics (the ones /metrics serves) as OpenTelemetry metric data, for an
 * OTLP exporter's reader to collect (ADR 15): one set of instruments, two ways out. Counters become
 * monotonic cumulative sums, gauges gauges, histograms explicit-bucket histograms (prom-client's
 * cumulative `le` counts turned into per-bucket counts). Summaries, which the platform does not use,
 * are left out rather than guessed at. prom-client keeps its counts since the process started, so
 * that is every point's start time.
 */
export class PromClientMetricProducer implements MetricProducer {
  private readonly startTime: HrTime = millisToHrTime(performance.timeOrigin);

  constructor(private readonly registry: () => Registry) {}

  async collect(): Promise<CollectionResult> {
    const now = hrTime();
    const metrics = (await this.registry().getMetricsAsJSON()) as MetricObjectWithValues<MetricValue<string>>[];
    return {
      // The reader's own resource (service.name) is the one exported; this one is not read.
      resourceMetrics: {
        resource: Resource.empty(),
        scopeMetrics: [
          {
            scope: { name: 'prom-client' },
            metrics: metrics.flatMap((m) => toMetricData(m, this.startTime, now)),
          },
        ],
      },
      errors: [],
    };
  }
}

function toMetricData(
  metric: MetricObjectWithValues<MetricValue<string>>,
  startTime: HrTime,
  endTime: HrTime,
): MetricData[] {
  const descriptor = (type: InstrumentType) => ({
    name: metric.name,
    description: metric.help,
    unit: metric.name.endsWith('_seconds') ? 's' : metric.name.endsWith('_bytes') ? 'By' : '',
    type,
    valueType: ValueType.DOUBLE,
  });
  const point = <T>(attributes: Attributes, value: T) => ({ attributes, startTime, endTime, value });
  // prom-client's types declare a numeric enum; at run time its metrics say 'counter', 'gauge', ….
  switch (String(metric.type)) {
    case 'counter':
      return [
        {
          descriptor: descriptor(InstrumentType.COUNTER),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.SUM,
          isMonotonic: true,
          dataPoints: metric.values.map((v) => point(v.labels, v.value)),
        },
      ];
    case 'gauge':
      return [
        {
          descriptor: descriptor(InstrumentType.GAUGE),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.GAUGE,
          dataPoints: metric.values.map((v) => point(v.labels, v.value)),
        },
      ];
    case 'histogram':
      return [
        {
          descriptor: descriptor(InstrumentType.HISTOGRAM),
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.HISTOGRAM,
          dataPoints: histogramPoints(metric.name, metric.values as MetricValueWithName<string>[]).map((h) =>
            point(h.attributes, h.value),
          ),
        },
      ];
    default:
      return [];
  }
}

interface HistogramPoint {
  attributes: Attributes;
  value: { buckets: { boundaries: number[]; counts: number[] }; sum: number; count: number };
}

/** prom-client lists a histogram as `_bucket` (cumulative, by `le`), `_sum` and `_count` per label set. */
function histogramPoints(name: string, values: MetricValueWithName<string>[]): HistogramPoint[] {
  const series = new Map<string, { attributes: Attributes; le: [number, number][]; sum: number; count: number }>();
  for (const v of values) {
    const { le, ...attributes } = v.labels as Record<string, string | number>;
    const key = JSON.stringify(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)));
    const s = series.get(key) ?? { attributes, le: [], sum: 0, count: 0 };
    series.set(key, s);
    if (v.metricName === `${name}_bucket`) s.le.push([le === '+Inf' ? Infinity : Number(le), v.value]);
    else if (v.metricName === `${name}_sum`) s.sum = v.value;
    else if (v.metricName === `${name}_count`) s.count = v.value;
  }
  return [...series.values()].map((s) => {
    const buckets = s.le.sort(([a], [b]) => a - b);
    const boundaries = buckets.filter(([le]) => le !== Infinity).map(([le]) => le);
    // Per-bucket counts: each cumulative count less the one below it; the last bucket is (last, +Inf].
    const cumulative = [...boundaries.map((_, i) => buckets[i][1]), s.count];
    const counts = cumulative.map((c, i) => c - (i === 0 ? 0 : cumulative[i - 1]));
    return { attributes: s.attributes, value: { buckets: { boundaries, counts }, sum: s.sum, count: s.count } };
  });
}
