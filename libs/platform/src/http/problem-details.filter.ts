import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, problemType } from './problem-details';
import { RequestExpiredError } from './request-deadline';

/** Seconds a caller waits before retrying a request answered 503 (with the same request id). */
export const RETRY_AFTER_SECONDS = 2;

/** Maps every error, ours or the framework's, to one problem document; 5xx details stay in the log. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    if (isHealthReport(exception)) {
      res.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const problem = this.toProblem(exception);
    if (problem.status === 503) {
      this.logger.warn(`answered 503, retry after ${RETRY_AFTER_SECONDS} s: ${String(exception)}`);
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    res
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .json({ ...problem, instance: req.originalUrl?.split('?')[0], correlationId: req.id });
  }

  private toProblem(exception: unknown): ProblemDocument {
    if (exception instanceof RequestExpiredError) {
      return { type: problemType('request-expired'), title: 'Request expired', status: 503, detail: exception.message };
    }
    if (isDatabaseUnavailable(exception)) {
      const detail = 'the database is not answering now; retry with the same request id';
      return { type: problemType('unavailable'), title: 'Service unavailable', status: 503, detail };
    }
    if (!(exception instanceof HttpException)) {
      return { type: problemType('internal'), title: 'Internal error', status: 500 };
    }
    const status = exception.getStatus();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'type' in body) return body as ProblemDocument;
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    return {
      type: problemType(slugFor(status)),
      title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error',
      status,
      detail: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
    };
  }
}

function slugFor(status: number): string {
  return (HttpStatus[status] ?? 'error').toLowerCase().replace(/_/g, '-');
}

/** Terminus answers 503 with the report of every check; callers and probes need that body as it is. */
function isHealthReport(exception: unknown): exception is HttpException {
  if (!(exception instanceof HttpException)) return false;
  const body = exception.getResponse();
  return typeof body === 'object' && body !== null && 'details' in body && 'status' in body;
}
