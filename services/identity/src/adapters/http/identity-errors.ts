import { HttpStatus } from '@nestjs/common';
import { ProblemException, validationProblem } from '@vax/platform';
import { IdentityInputError } from '../../domain/identity-input/identity-input.error';
import { VerificationError } from '../../domain/verification/verification.decider';
import { RegistryUnavailableError } from '../../registry/population-registry.port';

/** Domain errors → HTTP problems, in one place. Anything else propagates (500, logged). */
export function toProblem(error: unknown): unknown {
  if (error instanceof IdentityInputError) return validationProblem(error.problems);
  if (error instanceof RegistryUnavailableError) {
    return new ProblemException(
      HttpStatus.SERVICE_UNAVAILABLE,
      'registry-unavailable',
      'The population registry is unavailable',
      'try again shortly; nothing was recorded',
    );
  }
  if (error instanceof VerificationError) {
    switch (error.code) {
      case 'not-recorded':
        return new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'No such verification', error.message);
      case 'not-a-police-verifier':
        return new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Not allowed', error.message);
      case 'reason-required':
        return validationProblem([{ field: 'reason', rule: 'minLength', message: error.message }]);
      case 'nothing-to-override':
        return new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Cannot override', error.message);
    }
  }
  return error;
}
