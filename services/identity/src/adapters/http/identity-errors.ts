import { HttpStatus } from '@nestjs/common';
import { type Refusal, validationRefusal } from '@vax/platform';
import { IdentityInputError } from '../../domain/identity-input/identity-input.error';
import { VerificationError } from '../../domain/verification/verification.decider';
import { RegistryUnavailableError } from '../../application/ports/population-registry.port';

/** Identity's refusals and how each is answered; anything else propagates (500, logged). */
export function identityRefusal(error: unknown): Refusal | undefined {
  if (error instanceof IdentityInputError) return validationRefusal(error.problems);
  if (error instanceof RegistryUnavailableError)
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      slug: 'registry-unavailable',
      title: 'The population registry is unavailable',
      detail: 'try again shortly; nothing was recorded',
    };
  if (!(error instanceof VerificationError)) return undefined;
  const detail = error.message;
  switch (error.code) {
    case 'not-recorded':
      return { status: HttpStatus.NOT_FOUND, slug: 'not-found', title: 'No such verification', detail };
    case 'not-a-police-verifier':
      return { status: HttpStatus.FORBIDDEN, slug: 'forbidden', title: 'Not allowed', detail };
    case 'reason-required':
      return validationRefusal([{ field: 'reason', rule: 'minLength', message: detail }]);
    case 'nothing-to-override':
      return { status: HttpStatus.CONFLICT, slug: 'conflict', title: 'Cannot override', detail };
  }
}
