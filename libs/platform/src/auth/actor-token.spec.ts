import { signActorToken, verifyActorToken } from './actor-token';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const actor = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
const now = Date.parse('2021-11-05T02:30:00Z');

describe('actor tokens between the portal and the services', () => {
  it('carry the actor the portal signed', () => {
    expect(verifyActorToken(signActorToken(actor, secret, now), secret, now + 1_000)).toEqual(actor);
  });

  it('are refused when signed with another secret or altered', () => {
    const token = signActorToken(actor, secret, now);
    expect(verifyActorToken(token, 'another-secret-of-thirty-two-characters', now)).toBe('bad-signature');
    const [body, sig] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ actor: { ...actor, role: 'police-verifier' }, exp: now / 1000 + 300 }),
    ).toString('base64url');
    expect(verifyActorToken(`${forged}.${sig}`, secret, now)).toBe('bad-signature');
    expect(verifyActorToken(`${body}`, secret, now)).toBe('malformed');
  });

  it('expire', () => {
    expect(verifyActorToken(signActorToken(actor, secret, now, 60), secret, now + 61_000)).toBe('expired');
  });
});
