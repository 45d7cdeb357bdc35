import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** What the preload started, for the parts that export spans themselves (Temporal's workflow sink). */
export interface ActiveTracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
}

// On globalThis, not in a module variable: the preload and the service may load this file through
// different paths (the build's and a relative require), which would make two module instances.
const KEY = Symbol.for('vax.tracing');
type WithTracing = typeof globalThis & { [KEY]?: ActiveTracing };

export function activeTracing(): ActiveTracing | undefined {
  return (globalThis as WithTracing)[KEY];
}

export function setActiveTracing(tracing: ActiveTracing): void {
  (globalThis as WithTracing)[KEY] = tracing;
}
