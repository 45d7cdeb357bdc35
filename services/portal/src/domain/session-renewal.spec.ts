import { renewalDue } from './session-renewal';

describe('when a session in use is renewed', () => {
  const renewed = new Date('2026-12-07T10:00:00Z');
  const expiresAt = new Date(renewed.getTime() + 30 * 60_000); // a 30-minute idle window
  const after = (minutes: number) => new Date(renewed.getTime() + minutes * 60_000);

  it('leaves it as it is for the first tenth of the idle window', () => {
    expect(renewalDue(expiresAt, after(0), 30)).toBe(false);
    expect(renewalDue(expiresAt, after(2.9), 30)).toBe(false);
  });

  it('renews it once a tenth of the window has gone by since the last renewal', () => {
    expect(renewalDue(expiresAt, after(3), 30)).toBe(true);
    expect(renewalDue(expiresAt, after(29), 30)).toBe(true);
  });
});
