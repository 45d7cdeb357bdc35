/**
 * Whether a session in use should have its expiry pushed forward now. Renewing on every request would
 * write (and wait for the disk) on every signed-in read; renewing once a tenth of the idle window has
 * gone by since the last renewal writes at most ten times per window. The cost: a session expires
 * between 0.9 and 1 idle window after its last use, never later than configured.
 */
export const RENEW_AFTER_FRACTION = 0.1;

export function renewalDue(expiresAt: Date, now: Date, idleMinutes: number): boolean {
  const idleMs = idleMinutes * 60_000;
  const renewedAt = expiresAt.getTime() - idleMs;
  return now.getTime() - renewedAt >= idleMs * RENEW_AFTER_FRACTION;
}
