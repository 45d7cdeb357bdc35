/** How sign-in resists guessing and abuse: numbers are province policy, the rules are here, pure. */
export interface SignInPolicy {
  /** Wrong passwords for one username (known or not) before it locks, and for how long. */
  maxPasswordFailures: number;
  lockMinutes: number;
  codeTtlMinutes: number;
  /** Wrong codes before a code is spent. */
  maxCodeAttempts: number;
  /** Sign-in attempts (password or code) one client may make per minute. */
  signInsPerClientPerMinute: number;
  /** Codes one client may ask for per hour, whatever the ID numbers. */
  codesPerClientPerHour: number;
  /** Codes one client may ask for one ID number within the window. */
  codesPerClientAndPerson: number;
  codeWindowMinutes: number;
  /**
   * Codes one ID number may receive per day from all clients together. High enough that a stranger
   * on one client cannot spend it (their own limits stop them first); when it is reached, the phone
   * on record is told so the citizen knows someone is asking, and a site can still sign them in.
   */
  codesPerPersonPerDay: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  maxPasswordFailures: 5,
  lockMinutes: 15,
  codeTtlMinutes: 5,
  maxCodeAttempts: 5,
  signInsPerClientPerMinute: 20,
  codesPerClientPerHour: 10,
  codesPerClientAndPerson: 3,
  codeWindowMinutes: 15,
  codesPerPersonPerDay: 10,
};

export type CodeDecision = 'accepted' | 'wrong' | 'spent' | 'expired' | 'none';

/**
 * A code attempt, counted before it is judged: `attempt` is this attempt's number (1 for the first),
 * taken atomically by the store, so parallel guesses each use up one of the attempts.
 */
export function decideCodeAttempt(
  code: { expiresAt: Date; attempt: number } | undefined,
  codeMatches: boolean,
  now: Date,
  policy: SignInPolicy,
): CodeDecision {
  if (!code) return 'none';
  if (code.attempt > policy.maxCodeAttempts) return 'spent';
  if (code.expiresAt <= now) return 'expired';
  return codeMatches ? 'accepted' : 'wrong';
}
