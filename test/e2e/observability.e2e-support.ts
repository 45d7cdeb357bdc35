import { randomBytes } from 'node:crypto';
import type { CallerActor } from '@vax/platform';
import { eventually } from '@vax/testing';
import { Pool } from 'pg';
import { PostgresSessions } from '../../services/portal/src/adapters/postgres/sessions.table';
import type { ObservabilityBackends, ZipkinSpan } from './observability-backends';
import type { PlatformUnderTest } from './platform-processes';

const SLOW = { attempts: 300, intervalMs: 500 };

/** A trace the test itself begins: its requests carry this traceparent, so the trace id is known. */
export function testTrace() {
  const traceId = randomBytes(16).toString('hex');
  const clientSpanId = randomBytes(8).toString('hex');
  return { traceId, clientSpanId, traceparent: `00-${traceId}-${clientSpanId}-01` };
}

/** Calls to the portal as a browser signed in as `actor` makes them (a session of its own, its CSRF token). */
export function portalBrowser(platform: PlatformUnderTest) {
  const db = new Pool({ connectionString: platform.databaseUrl('portal'), max: 1 });
  const sessions = new PostgresSessions(db, 30);
  return {
    async post(actor: CallerActor, path: string, body: unknown, headers: Record<string, string> = {}) {
      const { id, session } = await sessions.create(actor, actor.id);
      const res = await fetch(platform.service('portal').url(path), {
        method: 'POST',
        headers: {
          ...headers,
          cookie: `vax_session=${id}`,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> };
    },
    close: () => db.end(),
  };
}

/**
 * Waits until the trace holds a span of each `[service, name]` and every span's parent (a process
 * exports its spans in batches, a second apart: a consumer's span can arrive before the producer's),
 * then returns it with ways to walk it. Zipkin lowercases span names: match them without case.
 */
export async function traceWith(
  backends: ObservabilityBackends,
  { traceId, clientSpanId }: { traceId: string; clientSpanId: string },
  expected: [string, RegExp][],
  /** false while a span still open (a running workflow's) leaves its children's parent unexported. */
  linked = true,
) {
  const spans = await eventually(async () => {
    const found = await backends.trace(traceId);
    const has = ([service, name]: [string, RegExp]) =>
      found.some((s) => s.localEndpoint.serviceName === service && name.test(s.name));
    const missing = expected.filter((e) => !has(e));
    if (missing.length) throw new Error(`not in the trace yet: ${missing.map((m) => m.join(' ')).join('; ')}`);
    const orphans = linked ? orphansOf(found, clientSpanId) : [];
    if (orphans.length) throw new Error(`parents not in the trace: ${orphans.join('; ')}`);
    return found;
  }, SLOW);
  const byId = new Map(spans.map((s) => [s.id, s]));
  const parentOf = (s: ZipkinSpan) => byId.get(s.parentId ?? '');
  const ancestors = (s: ZipkinSpan): ZipkinSpan[] => {
    const p = parentOf(s);
    return p ? [p, ...ancestors(p)] : [];
  };
  const one = (service: string, name: RegExp) =>
    spans.find((s) => s.localEndpoint.serviceName === service && name.test(s.name))!;
  const label = (s: ZipkinSpan) => `${s.localEndpoint.serviceName} ${s.name}`;
  return {
    spans,
    parentOf,
    ancestors,
    one,
    orphans: () => orphansOf(spans, clientSpanId),
    /** The spans the test's request started: the trace's one root. */
    rootsUnder: () => spans.filter((s) => s.parentId === clientSpanId).map(label),
    /** Everything a span says (name and tags), to look for personal data. */
    text: () => spans.map((s) => `${s.name} ${Object.values(s.tags ?? {}).join(' ')}`).join('\n'),
  };
}

/** Spans whose parent is neither in the trace nor the test's own client span: a broken link. */
function orphansOf(spans: ZipkinSpan[], clientSpanId: string): string[] {
  const ids = new Set(spans.map((s) => s.id));
  return spans
    .filter((s) => s.parentId && !ids.has(s.parentId) && s.parentId !== clientSpanId)
    .map((s) => `${s.localEndpoint.serviceName} ${s.name}`);
}
