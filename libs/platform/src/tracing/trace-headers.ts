import { context, propagation } from '@opentelemetry/api';

/**
 * The active trace as W3C headers, for calls made with fetch: Node's fetch is undici, which the HTTP
 * instrumentation does not patch, so without these the service called starts a trace of its own and
 * the portal's request is cut off from everything it caused. Empty when nothing is traced (no SDK,
 * or no span active).
 */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}
