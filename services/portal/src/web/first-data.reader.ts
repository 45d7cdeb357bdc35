import type { Request } from 'express';
import type { FirstAnswers } from './first-data.script';

/** How long the page waits for its first data: what is not there by then, the browser asks for itself. */
export const FIRST_DATA_BUDGET_MS = 1_500;

/**
 * Reads the page's first API answers from this same server, over the connection's own local address,
 * with the visitor's cookie: each answer is exactly what the browser would have been given (the same
 * guards, roles, relays and reads recorded), with no second copy of any route's logic. Only JSON
 * answers are kept; one that fails or is late is left out, never holding the page.
 */
export async function readFirstData(
  req: Request,
  paths: readonly string[],
  budgetMs = FIRST_DATA_BUDGET_MS,
): Promise<FirstAnswers> {
  const base = ownAddress(req);
  const signal = AbortSignal.timeout(budgetMs);
  const headers = { accept: 'application/json', cookie: req.headers.cookie ?? '' };
  const answers = await Promise.all(
    paths.map(async (path) => {
      try {
        const res = await fetch(new URL(path, base), { headers, signal });
        if (!(res.headers.get('content-type') ?? '').includes('json')) return null;
        return [path, { status: res.status, body: await res.json() }] as const;
      } catch {
        return null; // late or failed: the browser asks for it
      }
    }),
  );
  return Object.fromEntries(answers.filter((a) => a !== null));
}

function ownAddress(req: Request): string {
  const host = req.socket.localAddress ?? '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${req.socket.localPort}`;
}
