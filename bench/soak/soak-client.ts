import type { CallerActor } from '@vax/platform';
import type { SoakPlatform, SoakService } from './soak-platform';
import { sleep } from './soak-platform';

export type Answer = { status: number; body: Record<string, unknown> } | { status: 'no-answer'; error: string };

/** Waits the portal's desks give a request before they give up on it (the services' deadline is 9 s). */
const CLIENT_TIMEOUT_MS = 10_000;

/** Calls the platform as its callers do: through each service's one address, with a token signed as the portal signs it. */
export function soakClient(platform: SoakPlatform) {
  const headers = new Map<string, Record<string, string>>();
  const headersOf = (actor: CallerActor, service: SoakService) => {
    const key = `${actor.id}|${actor.role}|${actor.scope}|${service}`;
    if (!headers.has(key))
      headers.set(key, platform.tokens.liveHeaders(actor, service, { 'content-type': 'application/json' }));
    return headers.get(key)!;
  };
  async function call(
    method: string,
    service: SoakService,
    path: string,
    actor: CallerActor,
    body?: unknown,
  ): Promise<Answer> {
    try {
      const res = await fetch(`${platform.url(service)}${path}`, {
        method,
        headers: headersOf(actor, service),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const text = await res.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        parsed = { text };
      }
      return { status: res.status, body: parsed };
    } catch (error) {
      return { status: 'no-answer', error: (error as Error).name };
    }
  }

  /**
   * The same request again until an answer that is not "come back later" (503, 5xx, 429, a timeout,
   * a refused connection), or until `giveUpMs`: what a desk does, keeping its request's own id so
   * that a retry is never a second write (ADR 13). `again` marks answers of a kind to retry as well.
   */
  async function persist(
    send: () => Promise<Answer>,
    giveUpMs = 180_000,
    again: (a: Answer) => boolean = () => false,
  ): Promise<{ last: Answer; attempts: number }> {
    const deadline = Date.now() + giveUpMs;
    for (let attempts = 1, pause = 250; ; attempts++, pause = Math.min(pause * 2, 4_000)) {
      const last = await send();
      const transient = last.status === 'no-answer' || last.status === 429 || last.status >= 500;
      if ((!transient && !again(last)) || Date.now() > deadline) return { last, attempts };
      await sleep(last.status === 503 ? 1_000 : pause); // the services' Retry-After is 1-2 s
    }
  }
  return { call, persist };
}

export const staff: CallerActor = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
export const manager: CallerActor = { id: 'soak-manager', role: 'manager', scope: 'province:LC' };
export const citizenOf = (personId: string): CallerActor => ({
  id: personId,
  role: 'citizen',
  scope: `person:${personId}`,
});
