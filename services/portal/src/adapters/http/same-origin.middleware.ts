import { PROBLEM_CONTENT_TYPE, problemType } from '@vax/platform';
import type { RequestHandler } from 'express';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Changes come only from the portal's own pages: a cross-site form or script (sign-in CSRF included)
 * is refused before anything runs. Browsers send Origin on such requests and Sec-Fetch-Site when they can.
 */
export const sameOriginOnly: RequestHandler = (req, res, next) => {
  if (SAFE.has(req.method)) return next();
  const origin = req.headers.origin;
  const crossSite = req.headers['sec-fetch-site'] === 'cross-site';
  let foreign = false;
  try {
    foreign = !!origin && new URL(origin).host !== req.headers.host;
  } catch {
    foreign = true;
  }
  if (!crossSite && !foreign) return next();
  res
    .status(403)
    .type(PROBLEM_CONTENT_TYPE)
    .json({
      type: problemType('cross-site'),
      title: 'Cross-site request refused',
      status: 403,
      detail: 'changes are accepted from the portal itself only',
    });
};
