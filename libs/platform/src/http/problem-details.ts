import { HttpException, HttpStatus } from '@nestjs/common';

/** One broken rule: which field, which rule (machine-readable), and a readable sentence. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** An RFC 9457 problem document, the one error shape every service answers with. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldProblem[];
}

/**
 * How a domain refusal is answered over HTTP: status, problem type (its slug), title, the refusal's
 * sentence and every broken rule by field. Each service says which of its errors are refusals and
 * how (a `RefusalClassifier`); `refusalProblem` alone turns one into the RFC 9457 document.
 */
export interface Refusal {
  status: HttpStatus;
  slug: string;
  title: string;
  detail?: string;
  errors?: FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://vax.laichau.gov.vn/problems/';

export function problemType(slug: string): string {
  return PROBLEM_TYPE_BASE + slug;
}

/** Thrown by adapters for a 4xx with field-level detail; the filter renders it as-is. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    slug: string,
    title: string,
    detail?: string,
    readonly errors?: FieldProblem[],
  ) {
    super({ type: problemType(slug), title, status, detail, errors } satisfies ProblemDocument, status);
  }
}

/** Input that breaks field rules: 400, every broken rule by field. */
export function validationRefusal(errors: FieldProblem[]): Refusal {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return { status: HttpStatus.BAD_REQUEST, slug: 'validation', title: 'The request is not valid', detail, errors };
}

export function validationProblem(errors: FieldProblem[]): ProblemException {
  const { status, slug, title, detail } = validationRefusal(errors);
  return new ProblemException(status, slug, title, detail, errors);
}
