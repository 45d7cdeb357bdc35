import type { Response } from 'express';
import type { UpstreamAnswer } from '../upstream/upstream.client';

/** Sends a service's answer on to the browser as it came: status, type and bytes (PDFs, CSV, problems). */
export function relay(res: Response, answer: UpstreamAnswer): void {
  const disposition = answer.contentType.startsWith('text/csv') || answer.contentType === 'application/pdf';
  res.status(answer.status).type(answer.contentType);
  if (disposition) res.setHeader('Cache-Control', 'no-store');
  res.send(answer.body);
}
