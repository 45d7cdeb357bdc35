import type { Request, RequestHandler } from 'express';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, validationProblem } from './problem-details';
import { inputProblems } from './text-safety';

/**
 * The text-safety rule on the query string and the parsed JSON body of every request, before routing:
 * routes that read `req.query` themselves or relay a body as it is (the portal) are covered too.
 * Line breaks stay allowed in bodies here; the validation pipe keeps them only in @MultiLine() fields.
 */
export function refuseUnsafeText(): RequestHandler {
  return (req, res, next) => {
    const problems = [
      ...Object.entries(req.query ?? {}).flatMap(([name, value]) => inputProblems(value, { root: name })),
      ...(req.body === undefined ? [] : inputProblems(req.body, { multiLine: () => true })),
    ];
    if (problems.length === 0) return next();
    const document = validationProblem(problems).getResponse() as ProblemDocument;
    res
      .status(document.status)
      .type(PROBLEM_CONTENT_TYPE)
      .json({
        ...document,
        instance: req.originalUrl.split('?')[0],
        correlationId: (req as Request & { id?: string }).id,
      });
  };
}
