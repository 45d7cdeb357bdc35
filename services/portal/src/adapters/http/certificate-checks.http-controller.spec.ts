import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CallerActor } from '@vax/platform';
import type { Response } from 'express';
import { SESSION_COOKIE, SessionGuard } from './session.guard';
import type { Session, Sessions } from '../../application/ports/sessions.port';
import type { UpstreamClient } from '../upstream/upstream.client';
import { CertificateChecksHttpController } from './certificate-checks.http-controller';

const sessionOf = (role: string, scope: string): Session =>
  ({
    actor: { id: `u-${role}`, role, scope } as CallerActor,
    displayName: role,
    csrfToken: 'csrf-1',
    expiresAt: new Date(Date.now() + 60_000),
  }) as unknown as Session;

async function guarded(session: Session, csrf?: string) {
  const sessions = { touch: async () => session } as unknown as Sessions;
  const request = {
    method: 'POST',
    cookies: { [SESSION_COOKIE]: 'sid' },
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => CertificateChecksHttpController.prototype.check,
    getClass: () => CertificateChecksHttpController,
  } as unknown as ExecutionContext;
  return new SessionGuard(sessions, new Reflector()).canActivate(context);
}

describe("the portal's certificate check page", () => {
  it("asks certification's own verification route, with the body as given and the checker as actor", async () => {
    const verdict = JSON.stringify({ valid: false, failed: 'rules', versions: { rules: 'r-7', valueSets: 'v-3' } });
    const calls: unknown[][] = [];
    const upstream = {
      call: async (...args: unknown[]) => (
        calls.push(args),
        { status: 200, contentType: 'application/json', body: Buffer.from(verdict) }
      ),
    } as unknown as UpstreamClient;
    const sent: { status?: number; body?: Buffer } = {};
    const res = {
      status: (s: number) => ((sent.status = s), res),
      type: () => res,
      setHeader: () => res,
      send: (b: Buffer) => ((sent.body = b), res),
    } as unknown as Response;
    const staff = sessionOf('site-staff', 'site:LC-TT-01');
    const body = { hc1: 'HC1:6BF…', country: 'VN' };

    await new CertificateChecksHttpController(upstream).check(body, staff, res);

    expect(calls).toEqual([['certification', 'POST', '/verifications', staff.actor, body]]);
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body!.toString())).toMatchObject({ versions: { rules: 'r-7', valueSets: 'v-3' } });
  });

  it.each(['site-staff', 'site-head', 'police-verifier', 'manager'])(
    'is open to %s (with the CSRF token)',
    async (role) => {
      await expect(guarded(sessionOf(role, 'site:LC-TT-01'), 'csrf-1')).resolves.toBe(true);
      await expect(guarded(sessionOf(role, 'site:LC-TT-01'))).rejects.toMatchObject({ status: 403 });
    },
  );

  it('is closed to citizens (403)', async () => {
    await expect(guarded(sessionOf('citizen', 'person:P1'), 'csrf-1')).rejects.toMatchObject({ status: 403 });
  });
});
