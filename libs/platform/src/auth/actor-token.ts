import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who is calling, as the portal vouches for them after signing them in. */
export interface CallerActor {
  id: string;
  role: string;
  /** e.g. "site:LC-TD-01", "commune:Bình Lư", "district:Tam Đường", "province:LC", "person:P000000001". */
  scope: string;
}

export const ACTOR_HEADER = 'x-actor-token';

/**
 * A short-lived token the portal (or another trusted service) signs for the person it acts for:
 * base64url(JSON {actor, exp}) + "." + HMAC-SHA256 with the shared SERVICE_AUTH_SECRET.
 * Services trust no actor they cannot verify.
 */
export function signActorToken(actor: CallerActor, secret: string, now = Date.now(), ttlSeconds = 300): string {
  const body = Buffer.from(JSON.stringify({ actor, exp: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export type ActorTokenProblem = 'malformed' | 'bad-signature' | 'expired';

export function verifyActorToken(token: string, secret: string, now = Date.now()): CallerActor | ActorTokenProblem {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return 'malformed';
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  try {
    const { actor, exp } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      actor: CallerActor;
      exp: number;
    };
    if (typeof exp !== 'number' || exp * 1000 < now) return 'expired';
    if (!actor || typeof actor.id !== 'string' || typeof actor.role !== 'string' || typeof actor.scope !== 'string')
      return 'malformed';
    return { id: actor.id, role: actor.role, scope: actor.scope };
  } catch {
    return 'malformed';
  }
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
