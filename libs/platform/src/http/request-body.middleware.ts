import type { ErrorRequestHandler, RequestHandler } from 'express';
import { json } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details';
import { refuseUnsafeText } from './text-safety.middleware';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function problem(res: Parameters<RequestHandler>[1], status: number, slug: string, title: string, detail: string) {
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .json({ type: problemType(slug), title, status, detail, instance: res.req.originalUrl.split('?')[0] });
}

/**
 * A route that reads its body itself, as a stream (a file upload of any size): the JSON parser and
 * its size limit do not apply there, only these content types are let through, and the route
 * enforces its own limit while it reads.
 */
export interface StreamedBodyRoute {
  /** The exact path, without query string (e.g. `/campaigns/imports`). */
  path: string;
  contentTypes: string[];
}

/** A body in a form we do not read is refused (415) rather than silently ignored as empty. */
export function requireJsonBodies(
  allowed: string[] = ['application/json'],
  streamed: readonly StreamedBodyRoute[] = [],
): RequestHandler {
  return (req, res, next) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const path = req.originalUrl.split('?')[0].replace(/\/+$/, '');
    const types = streamed.find((r) => r.path === path)?.contentTypes ?? allowed;
    if (!BODY_METHODS.has(req.method) || !hasBody || req.is(types)) return next();
    problem(
      res,
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `content-type must be one of: ${types.join(', ')}`,
    );
  };
}

export function jsonBodyParser(limitBytes: number): RequestHandler {
  return json({ limit: limitBytes, strict: true });
}

/** body-parser's errors happen before Nest routes a request, so they are rendered here. */
export function bodyParserErrors(limitBytes: number): ErrorRequestHandler {
  return (err: { type?: string; status?: number }, _req, res, next) => {
    if (err.type === 'entity.too.large') {
      return problem(
        res,
        413,
        'payload-too-large',
        'Payload too large',
        `the body must be at most ${limitBytes} bytes`,
      );
    }
    if (err.type === 'entity.parse.failed') {
      return problem(res, 400, 'malformed-json', 'Malformed JSON', 'the body is not valid JSON');
    }
    if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') {
      return problem(res, 415, 'unsupported-media-type', 'Unsupported encoding', 'the body must be UTF-8 JSON');
    }
    next(err);
  };
}

/** What every HTTP service puts before routing: body types, the JSON parser and its limit, text safety. */
export function requestHardening(
  limitBytes: number,
  streamed: readonly StreamedBodyRoute[] = [],
): Array<RequestHandler | ErrorRequestHandler> {
  return [
    requireJsonBodies(['application/json'], streamed),
    jsonBodyParser(limitBytes),
    bodyParserErrors(limitBytes),
    refuseUnsafeText(),
  ];
}
