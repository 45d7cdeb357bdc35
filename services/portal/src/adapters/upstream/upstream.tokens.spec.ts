import {
  ActorTokenSigner,
  ActorTokenVerifier,
  type CallerActor,
  PORTAL_ISSUER,
  generateIssuerKeys,
} from '@vax/platform';
import { UpstreamTokens } from './upstream.tokens';

const manager: CallerActor = { id: 'quanly', role: 'manager', scope: 'province:LC' };
const citizen: CallerActor = { id: 'P0000001', role: 'citizen', scope: 'person:P0000001' };
const T0 = Date.parse('2026-12-07T10:00:00.400Z');

describe('UpstreamTokens', () => {
  let tokens: UpstreamTokens;
  let verifier: ActorTokenVerifier;

  beforeEach(async () => {
    const keys = await generateIssuerKeys([PORTAL_ISSUER]);
    tokens = new UpstreamTokens(await ActorTokenSigner.from(keys.signing[PORTAL_ISSUER]));
    verifier = await ActorTokenVerifier.from('injections', keys.trusted);
  });

  it('sends the same token for the same person and service within the first half of its minute', async () => {
    const first = await tokens.tokenFor(manager, 'injections', T0);
    expect(await tokens.tokenFor(manager, 'injections', T0 + 5_000)).toBe(first);
    expect(await tokens.tokenFor(manager, 'injections', T0 + 29_000)).toBe(first);
    expect(await verifier.verify(first, T0 + 29_000)).toEqual(manager);
  });

  it('signs a new one once less than 30 s of the old one is left', async () => {
    const first = await tokens.tokenFor(manager, 'injections', T0);
    const later = await tokens.tokenFor(manager, 'injections', T0 + 30_000);
    expect(later).not.toBe(first);
    // Still good for at least 30 s when sent.
    expect(await verifier.verify(later, T0 + 30_000 + 29_000)).toEqual(manager);
  });

  it('never lends one person or service the token of another', async () => {
    const forManager = await tokens.tokenFor(manager, 'injections', T0);
    const forCitizen = await tokens.tokenFor(citizen, 'injections', T0);
    const elsewhere = await tokens.tokenFor(manager, 'complaints', T0);
    expect(new Set([forManager, forCitizen, elsewhere]).size).toBe(3);
    expect(await verifier.verify(forCitizen, T0)).toEqual(citizen);
    expect(await verifier.verify(elsewhere, T0)).toBe('wrong-audience');
    const asDistrict = { ...manager, scope: 'district:Tam Đường' };
    expect(await verifier.verify(await tokens.tokenFor(asDistrict, 'injections', T0), T0)).toEqual(asDistrict);
  });
});
