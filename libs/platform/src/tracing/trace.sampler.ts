import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import {
  ParentBasedSampler,
  type Sampler,
  SamplingDecision,
  type SamplingResult,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';

/**
 * Spans that cost as much as the ones an operator reads and tell nothing: taking a connection from
 * the pool is instant unless the pool is exhausted, and `db_pool_waiting` already says when it is.
 * A dose made three of them, as many as its queries.
 */
const NEVER_KEPT = new Set(['pg-pool.connect']);

/**
 * Head sampling: a trace begun here is kept with probability `ratio` (decided on its trace id, so
 * every process keeping it agrees); a trace begun elsewhere follows its caller's choice, carried in
 * the traceparent's flags through HTTP, Kafka, the embedded bus, the event store and Temporal.
 */
export class TraceSampler implements Sampler {
  private readonly traces: Sampler;

  constructor(private readonly ratio: number) {
    this.traces = new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }

  shouldSample(
    parent: Context,
    traceId: string,
    name: string,
    kind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    if (NEVER_KEPT.has(name)) return { decision: SamplingDecision.NOT_RECORD };
    return this.traces.shouldSample(parent, traceId, name, kind, attributes, links);
  }

  toString(): string {
    return `TraceSampler{ratio=${this.ratio}}`;
  }
}
