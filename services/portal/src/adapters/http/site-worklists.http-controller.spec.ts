import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CallerActor } from '@vax/platform';
import type { Response } from 'express';
import { SESSION_COOKIE, SessionGuard } from './session.guard';
import type { Session, Sessions } from '../../application/ports/sessions.port';
import type { UpstreamClient } from '../upstream/upstream.client';
import { SiteWorklistsHttpController } from './site-worklists.http-controller';

const sessionOf = (role: string, scope: string): Session =>
  ({
    actor: { id: `u-${role}`, role, scope } as CallerActor,
    displayName: role,
    csrfToken: 'csrf-1',
    expiresAt: new Date(Date.now() + 60_000),
  }) as unknown as Session;

async function guarded(handler: keyof SiteWorklistsHttpController, session: Session, method = 'GET', csrf?: string) {
  const sessions = { touch: async () => session } as unknown as Sessions;
  const request = { method, cookies: { [SESSION_COOKIE]: 'sid' }, headers: csrf ? { 'x-csrf-token': csrf } : {} };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => SiteWorklistsHttpController.prototype[handler],
    getClass: () => SiteWorklistsHttpController,
  } as unknown as ExecutionContext;
  return new SessionGuard(sessions, new Reflector()).canActivate(context);
}

/** The controller over an upstream that records what it was asked. */
function relaying() {
  const calls: unknown[][] = [];
  const upstream = {
    call: async (...args: unknown[]) => {
      calls.push(args);
      return { status: 200, contentType: 'application/json', body: '{}' };
    },
  } as unknown as UpstreamClient;
  const res = { status: () => res, type: () => res, setHeader: () => res, send: () => res } as unknown as Response;
  return { controller: new SiteWorklistsHttpController(upstream), calls, res };
}

describe("the portal's site worklist routes", () => {
  it.each(['site-staff', 'site-head'])(
    'let %s list the campaigns to review, read the worklist and choose (the campaign checks the site)',
    async (role) => {
      await expect(guarded('campaigns', sessionOf(role, 'site:LC-TD-01'))).resolves.toBe(true);
      await expect(guarded('worklist', sessionOf(role, 'site:LC-TD-01'))).resolves.toBe(true);
      await expect(guarded('choose', sessionOf(role, 'site:LC-TD-01'), 'POST', 'csrf-1')).resolves.toBe(true);
    },
  );

  it.each(['citizen', 'manager', 'commune-chairman', 'police-verifier'])('refuse the role %s (403)', async (role) => {
    await expect(guarded('campaigns', sessionOf(role, 'site:LC-TD-01'))).rejects.toMatchObject({ status: 403 });
    await expect(guarded('worklist', sessionOf(role, 'site:LC-TD-01'))).rejects.toMatchObject({ status: 403 });
  });

  it("relay the campaigns list's own parameters only, with who is acting", async () => {
    const { controller, calls, res } = relaying();
    const staff = sessionOf('site-staff', 'site:LC-TD-01');
    await controller.campaigns({ cursor: 'c', limit: '20', other: 'dropped', siteId: ['a', 'b'] }, staff, res);
    expect(calls).toEqual([['campaign', 'GET', '/worklists?cursor=c&limit=20', staff.actor]]);
  });

  it("take a choice only with the session's CSRF token", async () => {
    const staff = sessionOf('site-staff', 'site:LC-TD-01');
    await expect(guarded('choose', staff, 'POST')).rejects.toMatchObject({ status: 403 });
    await expect(guarded('choose', staff, 'POST', 'wrong')).rejects.toMatchObject({ status: 403 });
  });

  it("relay the worklist's own parameters and the choice as they came, with who is acting", async () => {
    const { controller, calls, res } = relaying();
    const staff = sessionOf('site-staff', 'site:LC-TD-01');
    await controller.worklist(
      'cmp 1',
      { siteId: 'LC-TD-01', reason: 'ambiguous-identity', cursor: 'c', other: 'dropped', limit: ['1', '2'] },
      staff,
      res,
    );
    const choice = { decision: 'same-person', personId: 'P1' };
    await controller.choose('cmp 1', 'cmp:a:2/x', choice, staff, res);
    expect(calls).toEqual([
      [
        'campaign',
        'GET',
        '/campaigns/cmp%201/worklists?siteId=LC-TD-01&reason=ambiguous-identity&cursor=c',
        staff.actor,
      ],
      ['campaign', 'POST', '/campaigns/cmp%201/worklist-items/cmp%3Aa%3A2%2Fx/identity-choice', staff.actor, choice],
    ]);
  });
});
