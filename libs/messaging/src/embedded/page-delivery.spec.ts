import type { RecordedEvent } from '@vax/event-sourcing';
import { BucketLanes } from './bucket-lanes';
import { type Handled, PageDelivery } from './page-delivery';

// Checkpoints are plain numbers here; a bucket is the key's number.
const compare = (a: string, b: string) => Number(a) - Number(b);
const event = (checkpoint: number, topic: string, bucket: number) =>
  ({ checkpoint: String(checkpoint), stream: `${topic}|${bucket}` }) as RecordedEvent;

type Handler = { name: string; extras?: Record<string, unknown> };
const batchHandler: Handler = { name: 'batch', extras: { vaxBatchHandler: true } };
const singleHandler: Handler = { name: 'single' };

function harness({ batchFails = false, waitsAt = [] as number[] } = {}) {
  const lanes = new BucketLanes(compare);
  [0, 1, 2].forEach((b) => lanes.add(b, '0'));
  const log: string[] = [];
  const membership = {
    valid: () => true,
    saveCheckpoint: async (bucket: number, checkpoint: string) => {
      log.push(`save ${bucket}@${checkpoint}`);
      lanes.advanced(bucket, checkpoint);
      return true;
    },
    saveCheckpoints: async (checkpoints: ReadonlyMap<number, string>) => {
      log.push(
        `save ${[...checkpoints]
          .sort(([a], [b]) => a - b)
          .map(([b, c]) => `${b}@${c}`)
          .join(' ')}`,
      );
      checkpoints.forEach((c, b) => lanes.advanced(b, c));
    },
  };
  const delivery = new PageDelivery<Handler>(lanes, membership, {
    handlerOf: (topic) => ({ batched: batchHandler, single: singleHandler })[topic],
    bucketOf: (e) => Number(e.stream.split('|')[1]),
    handleOne: async (bucket, _topic, handler, e): Promise<Handled> => {
      log.push(`${handler.name} ${e.checkpoint}`);
      if (waitsAt.includes(Number(e.checkpoint))) {
        lanes.wait(bucket, Date.now() + 1_000);
        return 'waits';
      }
      return 'handled';
    },
    handleBatch: async (_buckets, _topic, handler, events) => {
      log.push(`${handler.name} [${events.map((e) => e.checkpoint).join(',')}]`);
      return !batchFails;
    },
  });
  return { delivery, log, lanes };
}

describe('PageDelivery: one page of the bus to the lanes of this instance', () => {
  it("saves the checkpoints of others' messages once, at the page's end", async () => {
    const { delivery, log } = harness();
    await delivery.deliver([event(1, 'other', 0), event(2, 'other', 1), event(3, 'other', 0)]);
    expect(log).toEqual(['save 0@3 1@2']);
  });

  it("gives a batch handler its messages across buckets in one call, then saves every bucket's checkpoint at once", async () => {
    const { delivery, log } = harness();
    await delivery.deliver([
      event(1, 'batched', 0),
      event(2, 'other', 0),
      event(3, 'batched', 1),
      event(4, 'batched', 0),
      event(5, 'other', 2),
    ]);
    expect(log).toEqual(['batch [1,3,4]', 'save 0@4 1@3 2@5']);
  });

  it('hands over the batch before a message of another handled topic, keeping the order', async () => {
    const { delivery, log } = harness();
    await delivery.deliver([event(1, 'batched', 0), event(2, 'single', 1), event(3, 'batched', 1)]);
    expect(log).toEqual(['batch [1]', 'save 0@1', 'single 2', 'save 1@2', 'batch [3]', 'save 1@3']);
  });

  it('goes one by one after a failed batch; a bucket that waits keeps its checkpoint before the message', async () => {
    const { delivery, log, lanes } = harness({ batchFails: true, waitsAt: [3] });
    await delivery.deliver([
      event(1, 'batched', 0),
      event(2, 'other', 1),
      event(3, 'batched', 1),
      event(4, 'other', 1),
      event(5, 'batched', 1),
      event(6, 'batched', 2),
    ]);
    expect(log).toEqual([
      'batch [1,3,5,6]',
      'batch 1',
      'save 0@1',
      'batch 3', // waits: 5 of its bucket is not handed over, 2 and 4 not passed
      'batch 6',
      'save 2@6',
    ]);
    expect(lanes.isNext(1, '3')).toBe(false); // waiting
    expect(lanes.startingPoint()).toEqual({ after: '1' });
  });
});
