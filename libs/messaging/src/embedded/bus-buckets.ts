/** How many buckets a subscriber's work is cut into: the most instances that can share it. */
export const DEFAULT_BUS_BUCKETS = 16;

/**
 * The bucket of a bus stream ("<topic>|<key>"), by its key alone: every topic's messages about one
 * key (a person, a complaint) fall in one bucket, are handled by one instance, and keep their order.
 * FNV-1a: stable across processes and releases, which a bucket's checkpoint relies on.
 */
export function bucketOfStream(stream: string, buckets: number): number {
  const key = stream.slice(stream.indexOf('|') + 1);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** The most buckets one of `members` live instances should hold, so that together they hold all. */
export function fairShare(buckets: number, members: number): number {
  return Math.ceil(buckets / Math.max(1, members));
}
