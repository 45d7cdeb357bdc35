import { bucketOf, percentileOf } from './duration-histogram';

// The exact percentile_cont over a list of hours, as the report computed it before the histogram.
function exact(hours: number[], p: number): number {
  const s = [...hours].sort((a, b) => a - b);
  const at = p * (s.length - 1);
  const [lo, hi] = [Math.floor(at), Math.ceil(at)];
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

const histogram = (hours: number[]) => {
  const counts = new Map<number, number>();
  for (const h of hours) counts.set(bucketOf(h), (counts.get(bucketOf(h)) ?? 0) + 1);
  return [...counts].map(([bucket, count]) => ({ bucket, count }));
};

describe('hours to resolve as a histogram', () => {
  it('answers the median and the 90th percentile within 2 % of (1 + hours) of the exact figures', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const size of [1, 2, 9, 100, 5000]) {
      const hours = Array.from({ length: size }, () => next() ** 3 * 400); // most quick, a long tail
      for (const p of [0.5, 0.9]) {
        const got = percentileOf(histogram(hours), p)!;
        expect(Math.abs(got - exact(hours, p))).toBeLessThanOrEqual(0.02 * (1 + exact(hours, p)) + 0.05);
      }
    }
  });

  it('puts a duration in the bucket whose bounds hold it, and counts nothing as null', () => {
    for (const h of [0, 0.01, 1, 23.9, 24, 240, 2400]) {
      const b = bucketOf(h);
      expect(1.02 ** b - 1).toBeLessThanOrEqual(h + 1e-9);
      expect(1.02 ** (b + 1) - 1).toBeGreaterThan(h);
    }
    expect(bucketOf(-3)).toBe(0);
    expect(percentileOf([], 0.5)).toBeNull();
    expect(percentileOf([{ bucket: 3, count: 0 }], 0.5)).toBeNull();
  });
});
