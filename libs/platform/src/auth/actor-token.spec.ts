import { SignJWT, generateKeyPair } from 'jose';
import { ActorTokenSigner, ActorTokenVerifier } from './actor-token';
import { generateIssuerKeys, isDevelopmentKey, parseTrustedKeys } from './actor-token.keys';

const nurse = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
const worker = { id: 'complaints-worker', role: 'system', scope: 'system' };
const now = Date.parse('2021-11-05T02:30:00Z');

describe('actor tokens: the portal vouches for people, a service only for itself', () => {
  let portal: ActorTokenSigner;
  let complaintsWorker: ActorTokenSigner;
  let identity: ActorTokenVerifier;

  beforeAll(async () => {
    const keys = await generateIssuerKeys(['portal', 'complaints-worker']);
    portal = await ActorTokenSigner.from(keys.signing.portal);
    complaintsWorker = await ActorTokenSigner.from(keys.signing['complaints-worker']);
    identity = await ActorTokenVerifier.from('identity', keys.trusted);
  });

  it('carry the person the portal signed in, to the service they were signed for', async () => {
    expect(await identity.verify(await portal.sign(nurse, 'identity', 60, now), now + 1_000)).toEqual(nurse);
  });

  it('carry a service speaking for itself', async () => {
    expect(await identity.verify(await complaintsWorker.sign(worker, 'identity', 60, now), now)).toEqual(worker);
  });

  it('are refused by any other service (the audience is checked)', async () => {
    const token = await portal.sign(nurse, 'injections', 60, now);
    expect(await identity.verify(token, now)).toBe('wrong-audience');
  });

  it('cannot be minted for a person by a service, nor for another service by the portal', async () => {
    const asNurse = await complaintsWorker.sign(nurse, 'identity', 60, now);
    expect(await identity.verify(asNurse, now)).toBe('untrusted-issuer');
    const asWorker = await portal.sign(worker, 'identity', 60, now);
    expect(await identity.verify(asWorker, now)).toBe('untrusted-issuer');
    const portalItself = { id: 'portal', role: 'system', scope: 'province' }; // asking for a citizen's phone
    expect(await identity.verify(await portal.sign(portalItself, 'identity', 60, now), now)).toEqual(portalItself);
    const asAnotherService = await complaintsWorker.sign({ ...worker, id: 'campaign' }, 'identity', 60, now);
    expect(await identity.verify(asAnotherService, now)).toBe('untrusted-issuer');
  });

  it('are refused when signed with a key that is not the issuer’s', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ actor: { ...nurse, role: 'police-verifier' } })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('portal')
      .setAudience('identity')
      .setIssuedAt(now / 1000)
      .setExpirationTime(now / 1000 + 30)
      .sign(privateKey);
    expect(await identity.verify(forged, now)).toBe('bad-signature');
  });

  it('are refused from an issuer nobody trusts, or without a signature', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const stranger = await new SignJWT({ actor: nurse })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('someone')
      .setAudience('identity')
      .setIssuedAt(now / 1000)
      .setExpirationTime(now / 1000 + 30)
      .sign(privateKey);
    expect(await identity.verify(stranger, now)).toBe('untrusted-issuer');
    const [, body] = (await portal.sign(nurse, 'identity', 60, now)).split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    expect(await identity.verify(unsigned, now)).toBe('malformed');
    expect(await identity.verify('not-a-token', now)).toBe('malformed');
  });

  it('expire, and live at most 60 seconds', async () => {
    expect(await identity.verify(await portal.sign(nurse, 'identity', 60, now), now + 66_000)).toBe('expired');
    await expect(portal.sign(nurse, 'identity', 3 * 3600, now)).rejects.toThrow('60 s');
  });

  it('are refused when their own claims say they live longer than 60 seconds', async () => {
    const keys = await generateIssuerKeys(['portal']);
    const verifier = await ActorTokenVerifier.from('identity', keys.trusted);
    const { importJWK } = await import('jose');
    const key = await importJWK(keys.signing.portal.privateJwk, 'EdDSA');
    const threeHours = await new SignJWT({ actor: nurse })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('portal')
      .setAudience('identity')
      .setIssuedAt(now / 1000)
      .setExpirationTime(now / 1000 + 3 * 3600)
      .sign(key);
    expect(await verifier.verify(threeHours, now)).toBe('expired');
  });

  it('keys made for development are marked so, and trusted keys never carry a private part', async () => {
    const keys = await generateIssuerKeys(['portal']);
    expect(isDevelopmentKey(keys.trusted.portal)).toBe(true);
    expect(isDevelopmentKey((await generateIssuerKeys(['portal'], false)).trusted.portal)).toBe(false);
    expect(() => parseTrustedKeys({ portal: keys.signing.portal.privateJwk })).toThrow('private');
  });
});
