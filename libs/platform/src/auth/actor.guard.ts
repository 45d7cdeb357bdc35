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
import { ACTOR_HEADER, ActorTokenVerifier, type CallerActor } from './actor-token';
const ROLES = 'vax:roles';

/** The roles allowed on a route; the guard answers 403 to anyone else. */
export const RequireRoles = (...roles: string[]) => SetMetadata(ROLES, roles);

/** The verified caller of the current request. */
export const Caller = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CallerActor => ctx.switchToHttp().getRequest().actor,
);

/**
 * Every route behind it needs a valid actor token addressed to this service (401 otherwise) and,
 * where @RequireRoles says so, one of the roles (403). Health and documentation routes are not behind it.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    @Inject(ActorTokenVerifier) private readonly verifier: ActorTokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Messages (an @EventPattern beside the routes of a controller) are not requests: the transport
    // and the message contract vouch for them, not an actor token.
    if (context.getType() !== 'http') return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: CallerActor }>();
    const token = request.headers[ACTOR_HEADER];
    const actor = token ? await this.verifier.verify(token) : 'missing';
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
