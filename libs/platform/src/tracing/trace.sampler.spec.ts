import { createHash } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, TraceFlags, trace } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { TraceSampler } from './trace.sampler';

const traceId = 'a'.repeat(32);
const parentWith = (flags: TraceFlags) =>
  trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: 'b'.repeat(16), traceFlags: flags, isRemote: true });
const decide = (sampler: TraceSampler, name: string, parent = ROOT_CONTEXT, id = traceId) =>
  sampler.shouldSample(parent, id, name, SpanKind.SERVER, {}, []).decision;

describe('the trace sampler', () => {
  it('keeps every new trace at ratio 1 and none at ratio 0', () => {
    expect(decide(new TraceSampler(1), 'POST /records/:personId/doses')).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(new TraceSampler(0), 'POST /records/:personId/doses')).toBe(SamplingDecision.NOT_RECORD);
  });

  it('follows the caller’s choice for a trace begun elsewhere, whatever its own ratio', () => {
    expect(decide(new TraceSampler(0), 'process injections.events.v1', parentWith(TraceFlags.SAMPLED))).toBe(
      SamplingDecision.RECORD_AND_SAMPLED,
    );
    expect(decide(new TraceSampler(1), 'process injections.events.v1', parentWith(TraceFlags.NONE))).toBe(
      SamplingDecision.NOT_RECORD,
    );
  });

  it('decides a new trace on its id, so every process keeping a share agrees', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) =>
      createHash('sha256').update(String(i)).digest('hex').slice(0, 32),
    );
    const kept = (sampler: TraceSampler) =>
      ids.filter((id) => decide(sampler, 'GET /x', ROOT_CONTEXT, id) === SamplingDecision.RECORD_AND_SAMPLED);
    const here = kept(new TraceSampler(0.25));
    expect(kept(new TraceSampler(0.25))).toEqual(here); // another process, same ratio
    expect(here.length / ids.length).toBeGreaterThan(0.2);
    expect(here.length / ids.length).toBeLessThan(0.3);
  });

  it('never keeps a pool checkout, even inside a kept trace', () => {
    expect(decide(new TraceSampler(1), 'pg-pool.connect', parentWith(TraceFlags.SAMPLED))).toBe(
      SamplingDecision.NOT_RECORD,
    );
    expect(decide(new TraceSampler(1), 'pg.query:es_append', parentWith(TraceFlags.SAMPLED))).toBe(
      SamplingDecision.RECORD_AND_SAMPLED,
    );
  });
});
