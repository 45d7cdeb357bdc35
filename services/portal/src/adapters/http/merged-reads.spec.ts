import type { CallerActor } from '@vax/platform';
import type { Session } from '../../application/ports/sessions.port';
import type { UpstreamClient } from '../upstream/upstream.client';
import { CitizenHttpController } from './citizen.http-controller';

const session = { actor: { id: 'P1', role: 'citizen', scope: 'person:P1' } as CallerActor } as Session;

/** Three logs of different lengths behind fake services that page as the real ones do (cursor = offset). */
function portal() {
  const logs: Record<string, string[]> = {
    injections: Array.from({ length: 5 }, (_, i) => `2025-03-0${9 - i}T00:00:00Z`),
    certification: ['2025-03-08T12:00:00Z'],
    complaints: [],
  };
  const upstream = {
    json: async (service: string, _method: string, path: string) => {
      const query = new URLSearchParams(path.split('?')[1]);
      const from = Number(query.get('cursor') ?? 0);
      const limit = Number(query.get('limit') ?? 100);
      const reads = logs[service].slice(from, from + limit).map((readAt) => ({ readAt, service }));
      return { reads, nextCursor: from + limit < logs[service].length ? String(from + limit) : null };
    },
  } as unknown as UpstreamClient;
  return new CitizenHttpController(upstream);
}

describe("the citizen's merged list of reads", () => {
  it('walks the three logs page by page: every read once, each page newest first', async () => {
    const controller = portal();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (await controller.reads({ limit: '2', ...(cursor && { cursor }) }, session)) as {
        reads: { readAt: string; service: string }[];
        nextCursor: string | null;
      };
      expect(page.reads.map((r) => r.readAt)).toEqual([...page.reads.map((r) => r.readAt)].sort().reverse());
      seen.push(...page.reads.map((r) => `${r.service} ${r.readAt}`));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('refuses a cursor it did not make, naming the cursor', async () => {
    await expect(portal().reads({ cursor: 'bm90LWFuLWFycmF5' }, session)).rejects.toMatchObject({
      response: expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'cursor' })] }),
    });
  });
});
