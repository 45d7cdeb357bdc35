import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { HttpException, HttpStatus, type OnModuleDestroy } from '@nestjs/common';
import { type ActorTokenSigner, type CallerActor, ProblemException, ACTOR_HEADER, traceHeaders } from '@vax/platform';
import { Agent } from 'undici';
import { UpstreamTokens } from './upstream.tokens';

export type Upstream = 'identity' | 'injections' | 'complaints' | 'certification' | 'campaign';

/** A body passed through as it arrives (an upload), with its type and, when the browser said it, its length. */
export interface StreamedBody {
  body: Readable;
  contentType: string;
  contentLength?: string;
}

export interface StreamedAnswer extends Omit<UpstreamAnswer, 'body'> {
  body: IncomingMessage;
}

export interface UpstreamAnswer {
  status: number;
  contentType: string;
  /** Content-Disposition, for files (PDF, CSV) the browser should save under the service's name. */
  disposition: string | null;
  /** The next page's cursor of a paged list answered as an array (X-Next-Cursor); null otherwise. */
  nextCursor?: string | null;
  body: Buffer;
}

/**
 * Calls a service for the signed-in person: a token the portal alone can sign, for that service alone
 * and for a minute at most, says who they are, and the service checks role and scope again. A service that does not answer is a 503 naming it, never a hang.
 *
 * Over undici's own request API on kept-alive connections, not fetch: every signed-in page is one
 * call or more through here, and fetch's WHATWG streams and headers cost ~0.3 ms of the portal's CPU
 * a call more (measured: docs/performance.md, "Read models at size, the portal hop").
 */
export class UpstreamClient implements OnModuleDestroy {
  private readonly agent = new Agent({ keepAliveTimeout: 4_000, connect: { timeout: 5_000 } });
  private readonly tokens: UpstreamTokens;

  constructor(
    private readonly bases: Record<Upstream, string>,
    signer: ActorTokenSigner,
    private readonly timeoutMs = 10_000,
  ) {
    this.tokens = new UpstreamTokens(signer);
  }

  async call(
    upstream: Upstream,
    method: string,
    path: string,
    actor: CallerActor,
    body?: unknown,
  ): Promise<UpstreamAnswer> {
    const url = new URL(path, this.bases[upstream]);
    const token = await this.tokens.tokenFor(actor, upstream);
    try {
      const res = await this.agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: method as 'GET',
        headers: {
          ...traceHeaders(), // undici is not instrumented: the service called joins this request's trace
          [ACTOR_HEADER]: token,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return {
        status: res.statusCode,
        contentType: header(res.headers['content-type']) ?? 'application/octet-stream',
        disposition: header(res.headers['content-disposition']),
        nextCursor: header(res.headers['x-next-cursor']),
        body: Buffer.from(await res.body.arrayBuffer()),
      };
    } catch {
      throw unavailable(upstream);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  /**
   * A call whose body and answer are streamed, for files of any size: nothing is held here beyond
   * the sockets' buffers. The time limit is on silence (`idleMs` without a byte either way), not on
   * the whole call, which may take minutes. An answer that comes before the body is all sent (a
   * refusal) is returned at once; the rest of the browser's body is then read and dropped.
   */
  async stream(
    upstream: Upstream,
    method: string,
    path: string,
    actor: CallerActor,
    upload?: StreamedBody,
    idleMs = 120_000,
  ): Promise<StreamedAnswer> {
    const url = new URL(path, this.bases[upstream]);
    const headers: Record<string, string> = { [ACTOR_HEADER]: await this.tokens.tokenFor(actor, upstream) };
    if (upload) headers['content-type'] = upload.contentType;
    if (upload?.contentLength) headers['content-length'] = upload.contentLength;
    return new Promise((resolve, reject) => {
      const call = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers, timeout: idleMs });
      call.on('timeout', () => call.destroy(new Error('upstream idle')));
      call.on('error', () => reject(unavailable(upstream))); // after an answer, a no-op
      call.on('response', (res) => {
        if (upload && !upload.body.readableEnded) upload.body.unpipe(call).resume();
        resolve({
          status: res.statusCode ?? 502,
          contentType: res.headers['content-type'] ?? 'application/octet-stream',
          disposition: (res.headers['content-disposition'] as string | undefined) ?? null,
          body: res,
        });
      });
      if (!upload) return void call.end();
      // The browser gone mid-way: the service must see a cut-off request, not a short file.
      upload.body.on('close', () => !upload.body.readableEnded && call.destroy());
      upload.body.pipe(call);
    });
  }

  /** A JSON answer, or the service's own problem passed on unchanged (it already names field and rule). */
  async json<T>(upstream: Upstream, method: string, path: string, actor: CallerActor, body?: unknown): Promise<T> {
    const answer = await this.call(upstream, method, path, actor, body);
    const parsed = answer.body.length ? JSON.parse(answer.body.toString('utf8')) : {};
    if (answer.status >= 400) throw new UpstreamProblem(answer.status, parsed);
    return parsed as T;
  }
}

const header = (value: string | string[] | undefined): string | null =>
  (Array.isArray(value) ? value[0] : value) ?? null;

const unavailable = (upstream: Upstream) =>
  new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    'upstream-unavailable',
    'Service unavailable',
    `the ${upstream} service did not answer; try again shortly`,
  );

/** A service's RFC 9457 answer, relayed to the browser as it was (its type, field and rule). */
export class UpstreamProblem extends HttpException {
  constructor(status: number, problem: object) {
    const relayed = typeof problem === 'object' && problem !== null && 'type' in problem;
    super(relayed ? problem : { type: 'about:blank', title: 'Upstream error', status }, status);
  }
}
