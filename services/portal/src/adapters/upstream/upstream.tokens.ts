import { type ActorTokenSigner, type CallerActor, MAX_TOKEN_LIFETIME_SECONDS } from '@vax/platform';

/** A token is reused while at least this much of its minute is left, so none arrives about to expire. */
export const REUSE_WHILE_SECONDS_LEFT = 30;
const KEPT = 10_000;

/**
 * The actor tokens the portal sends, one per person and service, reused for half their minute instead
 * of signed on every call: a token names the person, the service and its expiry, nothing of the call,
 * so a second call within the minute is vouched for by the same one (the service checks it each
 * time). Signing (Ed25519) and the service's check of a token it has seen are then once per person
 * and half-minute, not per call. Kept in memory, the most recent `KEPT`; never written anywhere.
 */
export class UpstreamTokens {
  private readonly kept = new Map<string, { token: string; renewAfter: number }>();

  constructor(private readonly signer: ActorTokenSigner) {}

  async tokenFor(actor: CallerActor, audience: string, now = Date.now()): Promise<string> {
    const key = JSON.stringify([audience, actor.id, actor.role, actor.scope]);
    const kept = this.kept.get(key);
    if (kept && now < kept.renewAfter) return kept.token;
    const token = await this.signer.sign(actor, audience, MAX_TOKEN_LIFETIME_SECONDS, now);
    // Expiry is counted from the whole second the token says it was issued in.
    const issuedAt = Math.floor(now / 1000) * 1000;
    const renewAfter = issuedAt + (MAX_TOKEN_LIFETIME_SECONDS - REUSE_WHILE_SECONDS_LEFT) * 1000;
    this.kept.delete(key);
    this.kept.set(key, { token, renewAfter });
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return token;
  }
}
