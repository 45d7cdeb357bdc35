import { ROOT_CONTEXT, TraceFlags, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { traceHeaders } from './trace-headers';

describe('trace headers for fetch', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const spanId = '00f067aa0ba902b7';

  it('are empty while nothing is traced', () => {
    expect(traceHeaders()).toEqual({});
  });

  describe('with the SDK’s propagator and context manager', () => {
    beforeAll(() => {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    });
    afterAll(() => {
      context.disable();
      propagation.disable();
    });

    it('carry the active span as a traceparent, sampled flag and all', () => {
      const active = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED });
      expect(context.with(active, traceHeaders)).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
      const unsampled = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.NONE });
      expect(context.with(unsampled, traceHeaders)).toEqual({ traceparent: `00-${traceId}-${spanId}-00` });
    });
  });
});
