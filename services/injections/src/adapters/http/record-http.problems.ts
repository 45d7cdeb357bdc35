import { HttpStatus } from '@nestjs/common';
import { type Refusal, validationProblem } from '@vax/platform';
import { DoseRejected } from '../../domain/record/immunization-record.decider';

const PERSON_ID = /^[A-Za-z0-9-]{1,100}$/;

export const isPersonId = (personId: string): boolean => PERSON_ID.test(personId);

/** A person id in a path: refused by field and rule before anything is read or written. */
export function checkPersonId(personId: string): void {
  if (!isPersonId(personId))
    throw validationProblem([{ field: 'personId', rule: 'format', message: 'must be a person id' }]);
}

/** A change to a record that breaks the record's rules: 422, every broken rule by field. */
export function doseRefusal(error: unknown): Refusal | undefined {
  if (!(error instanceof DoseRejected)) return undefined;
  const title = 'The change cannot be recorded';
  return {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    slug: 'change-rejected',
    title,
    detail: error.message,
    errors: error.problems,
  };
}
