import {
  DEFAULT_SIGN_IN_POLICY as policy,
  decideCodeAttempt,
  decidePasswordAttempt,
  maskPhone,
  maySendCode,
} from './sign-in-policy';

const now = new Date('2026-11-26T02:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('signing in', () => {
  it('locks an account after five wrong passwords in a row, and refuses even the right one while locked', () => {
    expect(decidePasswordAttempt({ failedAttempts: 3, lockedUntil: null }, false, now, policy)).toEqual({
      outcome: 'wrong-password',
      failures: 4,
      lockedUntil: null,
    });
    const fifth = decidePasswordAttempt({ failedAttempts: 4, lockedUntil: null }, false, now, policy);
    expect(fifth).toEqual({ outcome: 'wrong-password', failures: 0, lockedUntil: minutes(15) });
    expect(decidePasswordAttempt({ failedAttempts: 0, lockedUntil: minutes(15) }, true, now, policy)).toEqual({
      outcome: 'locked',
      until: minutes(15),
    });
  });

  it('lets the right password in once the lock has passed, and counts afresh after it', () => {
    const past = minutes(-1);
    expect(decidePasswordAttempt({ failedAttempts: 0, lockedUntil: past }, true, now, policy)).toEqual({
      outcome: 'signed-in',
    });
    expect(decidePasswordAttempt({ failedAttempts: 4, lockedUntil: past }, false, now, policy)).toMatchObject({
      failures: 1,
    });
  });

  it('sends at most three codes to a person in fifteen minutes', () => {
    expect(maySendCode([minutes(-20), minutes(-10), minutes(-5)], now, policy)).toBe(true);
    expect(maySendCode([minutes(-14), minutes(-10), minutes(-5)], now, policy)).toBe(false);
  });

  it('accepts a code once, before it expires and before five wrong tries spend it', () => {
    const code = { expiresAt: minutes(5), attempts: 0 };
    expect(decideCodeAttempt(code, true, now, policy)).toBe('accepted');
    expect(decideCodeAttempt(code, false, now, policy)).toBe('wrong');
    expect(decideCodeAttempt({ ...code, attempts: 5 }, true, now, policy)).toBe('spent');
    expect(decideCodeAttempt({ ...code, expiresAt: now }, true, now, policy)).toBe('expired');
    expect(decideCodeAttempt(undefined, true, now, policy)).toBe('none');
  });

  it('shows only the last three digits of a phone', () => {
    expect(maskPhone('0912345678')).toBe('•••••••678');
  });
});
