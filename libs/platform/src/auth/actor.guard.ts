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
import { ProblemException } from '../http/problem-details';
import { ACTOR_HEADER, type CallerActor, verifyActorToken } from './actor-token';

export const SERVICE_AUTH_SECRET = Symbol('SERVICE_AUTH_SECRET');
const ROLES = 'vax:roles';

/** The roles allowed on a route; the guard answers 403 to anyone else. */
export const RequireRoles = (...roles: string[]) => SetMetadata(ROLES, roles);

/** The verified caller of the current request. */
export const Caller = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CallerActor => ctx.switchToHttp().getRequest().actor,
);

/**
 * Every route behind it needs a valid actor token (401 otherwise) and, where @RequireRoles says so,
 * one of the roles (403). Health and documentation routes are not behind it.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    @Inject(SERVICE_AUTH_SECRET) private readonly secret: string,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: CallerActor }>();
    const token = request.headers[ACTOR_HEADER];
    const actor = token ? verifyActorToken(token, this.secret) : 'missing';
    if (typeof actor === 'string') {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'unauthenticated',
        'Not signed in',
        `${ACTOR_HEADER} is ${actor}`,
      );
    }
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(actor.role)) {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'forbidden',
        'Not allowed',
        `needs the role ${roles.join(' or ')}`,
      );
    }
    request.actor = actor;
    return true;
  }
}
