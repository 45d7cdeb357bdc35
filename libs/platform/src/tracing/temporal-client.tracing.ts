import type { ClientInterceptors } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { activeTracing } from './tracing.runtime';

/**
 * A Temporal client's interceptors: with tracing on, starting or signalling a workflow opens a span
 * and passes its context in the workflow's headers, so the workflow and its activities join the
 * request's trace. With tracing off, none.
 */
export function temporalClientInterceptors(): ClientInterceptors {
  return activeTracing() ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : {};
}
