import { HttpStatus } from '@nestjs/common';
import { ProblemException, validationProblem } from '@vax/platform';
import { DoseRejected } from '../../domain/record/immunization-record.decider';

const PERSON_ID = /^[A-Za-z0-9-]{1,100}$/;

export const isPersonId = (personId: string): boolean => PERSON_ID.test(personId);

/** A person id in a path: refused by field and rule before anything is read or written. */
export function checkPersonId(personId: string): void {
  if (!isPersonId(personId))
    throw validationProblem([{ field: 'personId', rule: 'format', message: 'must be a person id' }]);
}

/** Runs a change to a record; a rule it breaks is a 422 listing every broken rule by field. */
export async function rejectedAs422<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DoseRejected)) throw error;
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'change-rejected',
      'The change cannot be recorded',
      error.message,
      error.problems,
    );
  }
}
