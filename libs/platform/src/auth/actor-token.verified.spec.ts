import * as jose from 'jose';
import { ActorTokenSigner, ActorTokenVerifier } from './actor-token';
import { generateIssuerKeys } from './actor-token.keys';

// The real jose, its signature check counted.
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof import('jose')>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const signatureChecks = jose.jwtVerify as jest.Mock;

const manager = { id: 'quanly', role: 'manager', scope: 'province:LC' };
const now = Date.parse('2026-12-07T10:00:00.300Z');

describe('a token the service has already checked', () => {
  let portal: ActorTokenSigner;
  let injections: ActorTokenVerifier;
  let keys: Awaited<ReturnType<typeof generateIssuerKeys>>;

  beforeEach(async () => {
    keys = await generateIssuerKeys(['portal']);
    portal = await ActorTokenSigner.from(keys.signing.portal);
    injections = await ActorTokenVerifier.from('injections', keys.trusted);
    signatureChecks.mockClear();
  });

  it('is accepted again without checking its signature again', async () => {
    const token = await portal.sign(manager, 'injections', 60, now);
    expect(await injections.verify(token, now)).toEqual(manager);
    expect(await injections.verify(token, now + 20_000)).toEqual(manager);
    expect(await injections.verify(token, now + 59_000)).toEqual(manager);
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('still expires when jose would say so (60 s and the 5 s tolerance)', async () => {
    const token = await portal.sign(manager, 'injections', 60, now);
    expect(await injections.verify(token, now)).toEqual(manager);
    const exp = Math.floor(now / 1000) + 60;
    expect(await injections.verify(token, (exp + 4) * 1000 + 999)).toEqual(manager);
    expect(await injections.verify(token, (exp + 5) * 1000)).toBe('expired');
    // As a verifier that never saw it decides at both instants.
    const unseen = () => ActorTokenVerifier.from('injections', keys.trusted);
    expect(await (await unseen()).verify(token, (exp + 4) * 1000 + 999)).toEqual(manager);
    expect(await (await unseen()).verify(token, (exp + 5) * 1000)).toBe('expired');
  });

  it('is not lent to another token: a refused one is checked, and refused, every time', async () => {
    const token = await portal.sign(manager, 'injections', 60, now);
    const [head, , signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    const body = Buffer.from(JSON.stringify({ ...claims, actor: { ...manager, scope: 'province:HN' } })).toString(
      'base64url',
    );
    expect(await injections.verify(token, now)).toEqual(manager);
    const forged = `${head}.${body}.${signature}`;
    expect(await injections.verify(forged, now)).toBe('bad-signature');
    expect(await injections.verify(forged, now)).toBe('bad-signature');
    expect(signatureChecks).toHaveBeenCalledTimes(3);
  });

  it('is answered as a copy, so a caller changing it changes nothing for the next', async () => {
    const token = await portal.sign(manager, 'injections', 60, now);
    const first = await injections.verify(token, now);
    (first as { role: string }).role = 'system';
    expect(await injections.verify(token, now)).toEqual(manager);
  });
});
