import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

interface RequestBudget {
  deadline: number;
  clientGone: boolean;
}

const current = new AsyncLocalStorage<RequestBudget>();

/** A request stopped before its next database work: past its deadline, or its client gone. */
export class RequestExpiredError extends Error {}

/**
 * Gives each request a deadline below its callers' timeout (the portal gives up after 10 s) and
 * notes when its client disconnects. Past either, the request starts no more database work (see
 * withinRequestDeadline): under a backlog, requests were executed 83 s after their desk gave up
 * and retried, each retry adding to the queue. Placed after the body parsers, so the request's
 * handlers run in its context. Streamed uploads are exempt: they take as long as the link needs.
 */
export function requestDeadline(deadlineMs: number, exemptPaths: readonly string[] = []): RequestHandler {
  return (req, res, next) => {
    if (exemptPaths.includes(req.originalUrl.split('?')[0].replace(/\/+$/, ''))) return next();
    const budget: RequestBudget = { deadline: Date.now() + deadlineMs, clientGone: false };
    res.once('close', () => {
      if (!res.writableFinished) budget.clientGone = true;
    });
    current.run(budget, next);
  };
}

/** Why the current request must not start more work, if it must not; nothing outside a request. */
export function requestRefusal(now = Date.now()): RequestExpiredError | undefined {
  const budget = current.getStore();
  if (budget?.clientGone) return new RequestExpiredError('the client went away: nothing more is started for it');
  if (budget && now > budget.deadline) return new RequestExpiredError('the request ran past its deadline');
  return undefined;
}
