import type { VerificationFact } from '../../domain/record/record.messages';

/**
 * Identity checks as injections knows them (kept current from identity.events.v1). An abstract
 * class so that it is also the Nest DI token.
 */
export abstract class VerificationFacts {
  abstract find(verificationId: string): Promise<VerificationFact | undefined>;
}
