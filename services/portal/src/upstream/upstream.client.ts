import { HttpException, HttpStatus } from '@nestjs/common';
import { type CallerActor, ProblemException, signActorToken, ACTOR_HEADER } from '@vax/platform';

export type Upstream = 'identity' | 'injections' | 'complaints' | 'certification';

export interface UpstreamAnswer {
  status: number;
  contentType: string;
  /** Content-Disposition, for files (PDF, CSV) the browser should save under the service's name. */
  disposition: string | null;
  body: Buffer;
}

/**
 * Calls a service for the signed-in person: a short-lived actor token says who they are, and the
 * service checks role and scope again. A service that does not answer is a 503 naming it, never a hang.
 */
export class UpstreamClient {
  constructor(
    private readonly bases: Record<Upstream, string>,
    private readonly secret: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async call(
    upstream: Upstream,
    method: string,
    path: string,
    actor: CallerActor,
    body?: unknown,
  ): Promise<UpstreamAnswer> {
    const url = new URL(path, this.bases[upstream]);
    try {
      const res = await fetch(url, {
        method,
        headers: {
          [ACTOR_HEADER]: signActorToken(actor, this.secret, Date.now(), 60),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return {
        status: res.status,
        contentType: res.headers.get('content-type') ?? 'application/octet-stream',
        disposition: res.headers.get('content-disposition'),
        body: Buffer.from(await res.arrayBuffer()),
      };
    } catch {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'upstream-unavailable',
        'Service unavailable',
        `the ${upstream} service did not answer; try again shortly`,
      );
    }
  }

  /** A JSON answer, or the service's own problem passed on unchanged (it already names field and rule). */
  async json<T>(upstream: Upstream, method: string, path: string, actor: CallerActor, body?: unknown): Promise<T> {
    const answer = await this.call(upstream, method, path, actor, body);
    const parsed = answer.body.length ? JSON.parse(answer.body.toString('utf8')) : {};
    if (answer.status >= 400) throw new UpstreamProblem(answer.status, parsed);
    return parsed as T;
  }
}

/** A service's RFC 9457 answer, relayed to the browser as it was (its type, field and rule). */
export class UpstreamProblem extends HttpException {
  constructor(status: number, problem: object) {
    const relayed = typeof problem === 'object' && problem !== null && 'type' in problem;
    super(relayed ? problem : { type: 'about:blank', title: 'Upstream error', status }, status);
  }
}
