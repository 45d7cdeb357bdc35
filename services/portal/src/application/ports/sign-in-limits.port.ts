export type LimitRefusal = { limited: true; retryAfterSeconds: number; firstRefusal: boolean };
export type LimitOutcome = { limited: false; remaining: number } | LimitRefusal;

/**
 * Counters of sign-in attempts and code requests, shared by every replica of the portal; each count
 * is one atomic change, so fifty parallel guesses count fifty (an abstract class so that it is also
 * the Nest DI token).
 */
export abstract class SignInLimits {
  /** One sign-in attempt (password or code) from a client. */
  abstract signInAttempt(client: string): Promise<LimitOutcome>;
  /** Seconds the username (known or not, alike) stays locked after its wrong passwords; null when it is not. */
  abstract lockedFor(username: string): Promise<number | null>;
  /** A wrong password, counted: the seconds it locks the username for when it reaches the limit, else null. */
  abstract passwordFailed(username: string): Promise<number | null>;
  abstract passwordAccepted(username: string): Promise<void>;
  /** A code asked for an ID number by a client: every limit is counted, the first one reached refuses. */
  abstract codeRequested(client: string, idNumber: string): Promise<LimitOutcome & { limit?: 'client' | 'person' }>;
}
