import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CallerActor } from '@vax/platform';
import type { Response } from 'express';
import { SESSION_COOKIE, SessionGuard } from './session.guard';
import type { Session, Sessions } from '../../application/ports/sessions.port';
import type { UpstreamClient } from '../upstream/upstream.client';
import { SiteUnitWorklistsHttpController } from './site-unit-worklists.http-controller';

const sessionOf = (role: string, scope: string): Session =>
  ({
    actor: { id: `u-${role}`, role, scope } as CallerActor,
    displayName: role,
    csrfToken: 'csrf-1',
    expiresAt: new Date(Date.now() + 60_000),
  }) as unknown as Session;

function guarded(session: Session) {
  const sessions = { touch: async () => session } as unknown as Sessions;
  const request = { method: 'GET', cookies: { [SESSION_COOKIE]: 'sid' }, headers: {} };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => SiteUnitWorklistsHttpController.prototype.list,
    getClass: () => SiteUnitWorklistsHttpController,
  } as unknown as ExecutionContext;
  return new SessionGuard(sessions, new Reflector()).canActivate(context);
}

describe("the portal's list of a site's campaigns to review", () => {
  it.each(['site-staff', 'site-head'])(
    'lets %s ask (the campaign service takes the site from the actor)',
    async (role) => {
      await expect(guarded(sessionOf(role, 'site:LC-TD-01'))).resolves.toBe(true);
    },
  );

  it.each(['citizen', 'manager', 'commune-chairman', 'police-verifier'])('refuses the role %s (403)', async (role) => {
    await expect(guarded(sessionOf(role, 'site:LC-TD-01'))).rejects.toMatchObject({ status: 403 });
  });

  it("relays the list's own parameters only, with who is acting", async () => {
    const calls: unknown[][] = [];
    const upstream = {
      call: async (...args: unknown[]) => {
        calls.push(args);
        return { status: 200, contentType: 'application/json', body: '{}' };
      },
    } as unknown as UpstreamClient;
    const res = { status: () => res, type: () => res, setHeader: () => res, send: () => res } as unknown as Response;
    const staff = sessionOf('site-staff', 'site:LC-TD-01');
    await new SiteUnitWorklistsHttpController(upstream).list(
      { cursor: 'c', limit: '20', other: 'dropped', siteId: ['a', 'b'] },
      staff,
      res,
    );
    expect(calls).toEqual([['campaign', 'GET', '/worklists?cursor=c&limit=20', staff.actor]]);
  });
});
