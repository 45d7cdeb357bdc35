import {
  type CanActivate,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@vax/platform';
import type { Request } from 'express';
import { type Session, Sessions } from '../../application/ports/sessions.port';

export const SESSION_COOKIE = 'vax_session';
export const CSRF_HEADER = 'x-csrf-token';
const ROLES = 'portal:roles';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The roles allowed on a portal route; checked on the server for every call, whatever the page shows. */
export const Roles = (...roles: string[]) => SetMetadata(ROLES, roles);

export const CurrentSession = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Session => ctx.switchToHttp().getRequest().session,
);

/**
 * A signed-in session (401 otherwise), one of the route's roles (403), and on every state-changing
 * call the session's CSRF token in a header (403): a cookie alone never changes anything.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    @Inject(Sessions) private readonly sessions: Sessions,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { session?: Session; cookies?: Record<string, string> }>();
    const id = req.cookies?.[SESSION_COOKIE];
    const session = id ? await this.sessions.touch(id) : undefined;
    if (!session)
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'Not signed in', 'sign in first');
    if (!SAFE.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken)
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'csrf',
        'Missing or wrong CSRF token',
        `send the session's ${CSRF_HEADER}`,
      );
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(session.actor.role))
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'forbidden',
        'Not allowed',
        `needs the role ${roles.join(' or ')}`,
      );
    req.session = session;
    return true;
  }
}
