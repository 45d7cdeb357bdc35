import { HttpStatus } from '@nestjs/common';
import { type CallerActor, ProblemException, validationProblem } from '@vax/platform';

const PERSON_ID = /^[A-Za-z0-9-]{1,100}$/;

/** Staff roles see anyone's certificate; a citizen only their own (scope `person:<id>`). */
export const CERTIFICATE_READERS = ['site-staff', 'manager', 'system', 'citizen'];

export function checkAccess(personId: string, actor: CallerActor): void {
  if (!PERSON_ID.test(personId))
    throw validationProblem([{ field: 'personId', rule: 'format', message: 'must be a person id' }]);
  if (actor.role === 'citizen' && actor.scope !== `person:${personId}`)
    throw new ProblemException(
      HttpStatus.FORBIDDEN,
      'forbidden',
      'Not allowed',
      'a citizen sees only their own certificate',
    );
}

export function noCertificate(): ProblemException {
  return new ProblemException(
    HttpStatus.NOT_FOUND,
    'no-certificate',
    'No valid certificate',
    'this person has no valid certificate (no dose or recovery recorded yet, or the identity check is pending)',
  );
}
