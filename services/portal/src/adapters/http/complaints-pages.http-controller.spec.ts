import type { CallerActor } from '@vax/platform';
import type { Response } from 'express';
import type { Session } from '../../application/ports/sessions.port';
import type { UpstreamAnswer, UpstreamClient } from '../upstream/upstream.client';
import { ComplaintsHttpController } from './complaints.http-controller';

const session = { actor: { id: 's-1', role: 'site-staff', scope: 'site:LC-TD-01' } as CallerActor } as Session;

/** The controller over a fake complaints service that answers one page and says where the next starts. */
function portal(nextCursor: string | null) {
  const paths: string[] = [];
  const upstream = {
    call: async (_service: string, _method: string, path: string): Promise<UpstreamAnswer> => {
      paths.push(path);
      return { status: 200, contentType: 'application/json', disposition: null, nextCursor, body: Buffer.from('[]') };
    },
  } as unknown as UpstreamClient;
  const headers = new Map<string, string>();
  const res = {
    status: () => res,
    type: () => res,
    setHeader: (name: string, value: string) => headers.set(name, value),
    send: () => res,
  } as unknown as Response;
  return { controller: new ComplaintsHttpController(upstream), paths, headers, res };
}

describe("the portal's paged complaint lists", () => {
  it('pass the page asked for (cursor and limit only) and hand back where the next one starts', async () => {
    const { controller, paths, headers, res } = portal('next-1');
    await controller.queue({ cursor: 'abc', limit: '20', other: 'x' }, session, res);
    await controller.mine({ limit: '5' }, session, res);
    expect(paths).toEqual(['/queue?cursor=abc&limit=20', '/complaints/mine?limit=5']);
    expect(headers.get('X-Next-Cursor')).toBe('next-1');
  });

  it('ask for the first page when the browser names none, and say nothing more on the last one', async () => {
    const { controller, paths, headers, res } = portal(null);
    await controller.queue({}, session, res);
    expect(paths).toEqual(['/queue']);
    expect(headers.has('X-Next-Cursor')).toBe(false);
  });
});
