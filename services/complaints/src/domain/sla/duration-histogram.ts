/*
 * Hours to resolve, kept as counts in log-spaced buckets: bucket b holds durations h with
 * 1.02^b - 1 <= h < 1.02^(b+1) - 1, so a percentile read from the buckets is within 1 % of
 * (1 + h) of the exact one, from a few hundred rows whatever the number of complaints.
 */
const GROWTH = 1.02;

/** The bucket as PostgreSQL computes it in the read model's trigger, from a duration in hours. */
export const bucketSql = (hours: string) => `floor(ln(1 + greatest(${hours}, 0)) / ln(${GROWTH}))::int`;

export const bucketOf = (hours: number) => Math.floor(Math.log(1 + Math.max(hours, 0)) / Math.log(GROWTH));

/** The middle of a bucket, in hours. */
const middleOf = (bucket: number) => (GROWTH ** bucket + GROWTH ** (bucket + 1)) / 2 - 1;

export interface BucketCount {
  bucket: number;
  count: number;
}

/**
 * The p-th percentile (0..1) of the counted durations, in hours rounded to 0.1, interpolated between
 * two ranks as percentile_cont does (each duration taken at its bucket's middle); null when none.
 */
export function percentileOf(buckets: readonly BucketCount[], p: number): number | null {
  const sorted = [...buckets].filter((b) => b.count > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const { bucket, count } of sorted) if (rank < (seen += count)) return middleOf(bucket);
    return middleOf(sorted[sorted.length - 1].bucket);
  };
  const rank = p * (total - 1);
  const [low, high] = [valueAt(Math.floor(rank)), valueAt(Math.ceil(rank))];
  return Math.round((low + (high - low) * (rank - Math.floor(rank))) * 10) / 10;
}
