import type { Response } from 'express';
import type { UpstreamAnswer } from '../upstream/upstream.client';

/** Sends a service's answer on to the browser as it came: status, type and bytes (PDFs, CSV, problems). */
export function relay(res: Response, answer: UpstreamAnswer): void {
  res.status(answer.status).type(answer.contentType);
  res.setHeader('Cache-Control', 'no-store'); // personal data: never kept by a shared cache or the back button
  if (answer.disposition) res.setHeader('Content-Disposition', answer.disposition);
  res.send(answer.body);
}
