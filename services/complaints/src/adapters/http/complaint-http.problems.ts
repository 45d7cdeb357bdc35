import { HttpStatus } from '@nestjs/common';
import { type Refusal, validationProblem } from '@vax/platform';
import { FilingError, type FilingErrorCode } from '../../application/complaint-filing.service';
import { ComplaintError, type ComplaintErrorCode } from '../../domain/complaint.errors';

const COMPLAINT_STATUS: Record<ComplaintErrorCode, HttpStatus> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  'not-allowed': HttpStatus.FORBIDDEN,
  'already-filed': HttpStatus.CONFLICT,
  'wrong-state': HttpStatus.CONFLICT,
  'not-yet-due': HttpStatus.CONFLICT,
  closed: HttpStatus.CONFLICT,
  'appeal-window-closed': HttpStatus.CONFLICT,
  'already-appealed': HttpStatus.CONFLICT,
};

const FILING_STATUS: Record<FilingErrorCode, HttpStatus> = {
  'too-many-codes': HttpStatus.TOO_MANY_REQUESTS,
  'too-many-filings': HttpStatus.TOO_MANY_REQUESTS,
  'code-not-confirmed': HttpStatus.UNPROCESSABLE_ENTITY,
  evidence: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** The complaint's refusals and the filing's, with the broken rules by field. */
export function complaintRefusal(error: unknown): Refusal | undefined {
  if (error instanceof ComplaintError)
    return {
      status: COMPLAINT_STATUS[error.code],
      slug: `complaint-${error.code}`,
      title: 'The complaint does not allow this',
      detail: error.message,
      errors: error.problems,
    };
  if (error instanceof FilingError)
    return {
      status: FILING_STATUS[error.code],
      slug: `filing-${error.code}`,
      title: 'The complaint cannot be filed',
      detail: error.message,
    };
  return undefined;
}

const COMPLAINT_ID = /^[A-Za-z0-9:._-]{1,100}$/;

/** A complaint id in a path: refused by field and rule before anything is read. */
export function checkComplaintId(complaintId: string): string {
  if (!COMPLAINT_ID.test(complaintId))
    throw validationProblem([{ field: 'complaintId', rule: 'format', message: 'must be a complaint id' }]);
  return complaintId;
}
