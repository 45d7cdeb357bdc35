import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { maskIdentifiers } from '../logging/personal-data.redactor';

/**
 * Masks ID numbers in every span before it leaves the process, as the logs do: an error's message
 * becomes the span's status (an activity's "no certificate reissued yet for person P000000001"),
 * and attributes can quote what a handler saw. Workflow spans pass here too (Temporal's sink).
 */
export class PersonalDataScrubbingProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    scrub(span.attributes as Record<string, unknown>);
    for (const event of span.events) if (event.attributes) scrub(event.attributes as Record<string, unknown>);
    const status = span.status as { message?: string };
    if (status.message) status.message = maskIdentifiers(status.message);
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}

function scrub(attributes: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'string') attributes[key] = maskIdentifiers(value);
  }
}
