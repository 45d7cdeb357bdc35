import type { CallerActor } from '@vax/platform';
import type { UpstreamClient } from '../upstream/upstream.client';

/** At most this many rows are detailed: a unit's queue is short; a longer one lists the rest bare. */
const DETAILED = 50;

type QueueItem = { complaintId: string } & Record<string, unknown>;

/**
 * A unit's queue with what tells its rows apart (which dose, which field, the value claimed, when it
 * was filed): the complaints service lists ids and deadlines only, so each row is read beside it,
 * as the same actor, in parallel. A row that cannot be read stays as listed.
 */
export async function queueWithDetails(
  upstream: UpstreamClient,
  actor: CallerActor,
  items: QueueItem[],
): Promise<QueueItem[]> {
  return Promise.all(
    items.map(async (item, i) => {
      if (i >= DETAILED) return item;
      const answer = await upstream
        .call('complaints', 'GET', `/complaints/${encodeURIComponent(item.complaintId)}`, actor)
        .catch(() => null);
      if (answer?.status !== 200) return item;
      const view = JSON.parse(answer.body.toString('utf8')) as {
        subject?: unknown;
        timeline?: { step: string; at: string }[];
      };
      const filedAt = view.timeline?.find((s) => s.step === 'ComplaintFiled')?.at ?? null;
      return { ...item, subject: view.subject ?? null, filedAt };
    }),
  );
}
