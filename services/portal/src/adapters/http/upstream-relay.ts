import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { StreamedAnswer, UpstreamAnswer } from '../upstream/upstream.client';

/** Sends a service's answer on to the browser as it came: status, type and bytes (PDFs, CSV, problems). */
export function relay(res: Response, answer: UpstreamAnswer): void {
  res.status(answer.status).type(answer.contentType);
  res.setHeader('Cache-Control', 'no-store'); // personal data: never kept by a shared cache or the back button
  if (answer.disposition) res.setHeader('Content-Disposition', answer.disposition);
  if (answer.nextCursor) res.setHeader('X-Next-Cursor', answer.nextCursor);
  res.send(answer.body);
}

/** A list's own parameters from the browser's query, passed on as they are (the service checks them); '' when none. */
export function passedOn(q: Record<string, unknown>, names: readonly string[]): string {
  const params = new URLSearchParams();
  for (const name of names) if (typeof q[name] === 'string') params.set(name, q[name] as string);
  return params.toString() === '' ? '' : `?${params}`;
}

/** A paged list's own parameters: its cursor and limit. */
export const pageQuery = (q: Record<string, unknown>): string => passedOn(q, ['cursor', 'limit']);

/** The same for a streamed answer (a report of millions of rows): passed on as it arrives. */
export async function relayStream(res: Response, answer: StreamedAnswer): Promise<void> {
  res.status(answer.status).type(answer.contentType);
  res.setHeader('Cache-Control', 'no-store');
  if (answer.disposition) res.setHeader('Content-Disposition', answer.disposition);
  await pipeline(answer.body, res).catch(() => res.destroy()); // cut off upstream: the browser sees it cut off too
}
