/** How sign-in resists guessing: numbers are province policy, the rules are here, pure. */
export interface SignInPolicy {
  /** Wrong passwords in a row before an account locks. */
  maxPasswordFailures: number;
  lockMinutes: number;
  codeTtlMinutes: number;
  /** Wrong codes before a code is spent. */
  maxCodeAttempts: number;
  /** Codes sent to one person within the window. */
  maxCodesPerWindow: number;
  codeWindowMinutes: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  maxPasswordFailures: 5,
  lockMinutes: 15,
  codeTtlMinutes: 5,
  maxCodeAttempts: 5,
  maxCodesPerWindow: 3,
  codeWindowMinutes: 15,
};

export type AccountDecision =
  | { outcome: 'signed-in' }
  | { outcome: 'locked'; until: Date }
  | { outcome: 'wrong-password'; failures: number; lockedUntil: Date | null };

/** A password attempt on an account: a locked account refuses even the right password until it unlocks. */
export function decidePasswordAttempt(
  account: { failedAttempts: number; lockedUntil: Date | null },
  passwordMatches: boolean,
  now: Date,
  policy: SignInPolicy,
): AccountDecision {
  if (account.lockedUntil && account.lockedUntil > now) return { outcome: 'locked', until: account.lockedUntil };
  if (passwordMatches) return { outcome: 'signed-in' };
  const failures = (account.lockedUntil ? 0 : account.failedAttempts) + 1;
  const lockedUntil =
    failures >= policy.maxPasswordFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  return { outcome: 'wrong-password', failures: lockedUntil ? 0 : failures, lockedUntil };
}

/** Whether another code may be sent now, given when the last ones went out. */
export function maySendCode(sentAt: Date[], now: Date, policy: SignInPolicy): boolean {
  const windowStart = now.getTime() - policy.codeWindowMinutes * 60_000;
  return sentAt.filter((t) => t.getTime() > windowStart).length < policy.maxCodesPerWindow;
}

export type CodeDecision = 'accepted' | 'wrong' | 'spent' | 'expired' | 'none';

export function decideCodeAttempt(
  code: { expiresAt: Date; attempts: number } | undefined,
  codeMatches: boolean,
  now: Date,
  policy: SignInPolicy,
): CodeDecision {
  if (!code) return 'none';
  if (code.attempts >= policy.maxCodeAttempts) return 'spent';
  if (code.expiresAt <= now) return 'expired';
  return codeMatches ? 'accepted' : 'wrong';
}

/** What a phone number looks like on screen: enough to recognise, not enough to learn. */
export const maskPhone = (phone: string) => `${'•'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`;
