import { HttpStatus } from '@nestjs/common';
import { type CallerActor, type PersonAccessStore, ProblemException, may, validationProblem } from '@vax/platform';

const PERSON_ID = /^[A-Za-z0-9-]{1,100}$/;

/** The roles that may ask at all; which person each may read, the scope model decides. */
export const CERTIFICATE_READERS = ['site-staff', 'site-head', 'manager', 'system', 'citizen'];

/**
 * A citizen reads their own certificate; staff a person they verified at their unit or whose
 * complaint their unit holds; a manager their district (libs/platform's `may`). Each read by staff
 * or a manager is recorded, with its ground, for the citizen to see.
 */
export async function checkAccess(
  access: PersonAccessStore,
  personId: string,
  actor: CallerActor,
  what: 'certificate' | 'certificate-qr' | 'certificate-pdf',
): Promise<void> {
  if (!PERSON_ID.test(personId))
    throw validationProblem([{ field: 'personId', rule: 'format', message: 'must be a person id' }]);
  const decision = may(actor, 'read', await access.resourceOf(personId));
  if (!decision.allowed) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Not allowed', decision.reason);
  if (decision.ground !== 'self' && decision.ground !== 'service')
    await access.recordRead(personId, actor, what, decision.ground);
}

export function noCertificate(): ProblemException {
  return new ProblemException(
    HttpStatus.NOT_FOUND,
    'no-certificate',
    'No valid certificate',
    'this person has no valid certificate (no dose or recovery recorded yet, or the identity check is pending)',
  );
}

export function notTheirs(): ProblemException {
  return new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Not allowed', 'a citizen sees only their own reads');
}
