import type { Span } from '@opentelemetry/api';
import { maskIdentifiers } from '../logging/personal-data.redactor';

/** The URL attributes the HTTP instrumentation records; paths carry ID numbers, queries anything. */
const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full', 'url.path', 'url.query'] as const;

/** A URL or path as a trace may keep it: no query string, digit runs of identifiers masked. */
export function traceableUrl(url: string): string {
  return maskIdentifiers(url.split('?')[0]);
}

/**
 * Rewrites an HTTP span's URL attributes before it ends, as the logs do with request lines: a span
 * is as durable as a log line and is read by as many people.
 */
export function scrubUrlAttributes(span: Span & { attributes?: Record<string, unknown> }): void {
  for (const key of URL_ATTRIBUTES) {
    const value = span.attributes?.[key];
    if (typeof value === 'string') span.setAttribute(key, key === 'url.query' ? '' : traceableUrl(value));
  }
}
