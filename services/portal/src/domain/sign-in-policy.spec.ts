import { DEFAULT_SIGN_IN_POLICY as policy, decideCodeAttempt } from './sign-in-policy';

const now = new Date('2026-11-26T02:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('signing in with a code', () => {
  it('accepts a code once, before it expires and before five tries spend it', () => {
    const code = { expiresAt: minutes(5), attempt: 1 };
    expect(decideCodeAttempt(code, true, now, policy)).toBe('accepted');
    expect(decideCodeAttempt(code, false, now, policy)).toBe('wrong');
    expect(decideCodeAttempt({ ...code, attempt: 5 }, true, now, policy)).toBe('accepted');
    expect(decideCodeAttempt({ ...code, attempt: 6 }, true, now, policy)).toBe('spent');
    expect(decideCodeAttempt({ ...code, expiresAt: now }, true, now, policy)).toBe('expired');
    expect(decideCodeAttempt(undefined, true, now, policy)).toBe('none');
  });
});
