import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CallerActor } from '@vax/platform';
import { SESSION_COOKIE, SessionGuard } from './session.guard';
import type { Session, Sessions } from '../../application/ports/sessions.port';
import { CampaignsHttpController } from './campaigns.http-controller';

const sessionOf = (role: string, scope: string): Session =>
  ({
    actor: { id: `u-${role}`, role, scope } as CallerActor,
    displayName: role,
    csrfToken: 'csrf-1',
    expiresAt: new Date(Date.now() + 60_000),
  }) as unknown as Session;

/** The guard as Nest runs it on one of the controller's handlers, for a request with the session's cookie. */
async function guarded(handler: keyof CampaignsHttpController, session: Session, method = 'GET', csrf?: string) {
  const sessions = { touch: async () => session } as unknown as Sessions;
  const request = {
    method,
    cookies: { [SESSION_COOKIE]: 'sid' },
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  };
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => CampaignsHttpController.prototype[handler],
    getClass: () => CampaignsHttpController,
  } as unknown as ExecutionContext;
  return new SessionGuard(sessions, new Reflector()).canActivate(context);
}

describe("the portal's campaign routes", () => {
  it('let a manager follow the progress, a district manager too (the service narrows to the district)', async () => {
    await expect(guarded('progress', sessionOf('manager', 'province:12'))).resolves.toBe(true);
    await expect(guarded('list', sessionOf('manager', 'district:Tam Đường'))).resolves.toBe(true);
  });

  it.each(['site-staff', 'site-head', 'commune-chairman', 'citizen'])('refuse the role %s (403)', async (role) => {
    await expect(guarded('list', sessionOf(role, 'site:LC-TD-01'))).rejects.toMatchObject({ status: 403 });
    await expect(guarded('report', sessionOf(role, 'site:LC-TD-01'))).rejects.toMatchObject({ status: 403 });
  });

  it("take an upload or a start only with the session's CSRF token", async () => {
    const manager = sessionOf('manager', 'province:12');
    await expect(guarded('upload', manager, 'POST')).rejects.toMatchObject({ status: 403 });
    await expect(guarded('start', manager, 'POST', 'wrong')).rejects.toMatchObject({ status: 403 });
    await expect(guarded('upload', manager, 'POST', 'csrf-1')).resolves.toBe(true);
  });
});
