/** A citizen's code as kept, with the number of the attempt just counted (1 for the first). */
export interface ClaimedCode {
  codeHash: string;
  personId: string;
  expiresAt: Date;
  attempt: number;
}

/**
 * Citizens' one-time sign-in codes; ID numbers and codes are kept only as keyed hashes (an abstract
 * class so that it is also the Nest DI token).
 */
export abstract class SignInCodes {
  /** The keyed hash a code is kept and compared as. */
  abstract hash(value: string): string;
  /** A new code replaces the previous one (and its attempts). */
  abstract put(idNumber: string, code: string, personId: string, expiresAt: Date): Promise<void>;
  /**
   * Counts an attempt before it is judged, in one atomic change: parallel guesses each take their own
   * number. Undefined when no code was sent.
   */
  abstract claimAttempt(idNumber: string): Promise<ClaimedCode | undefined>;
  /**
   * Spends the code if it is still this one: of two sign-ins racing with it, only one gets true. A spent
   * code's later attempts are past every limit.
   */
  abstract spend(idNumber: string, codeHash: string): Promise<boolean>;
}
