import { bucketOfStream, fairShare } from './bus-buckets';

describe('bus buckets', () => {
  it('puts every topic of one key in the same bucket, the same in every process', () => {
    const b = bucketOfStream('identity.events.v1|person-17', 16);
    expect(bucketOfStream('injections.events.v1|person-17', 16)).toBe(b);
    expect(bucketOfStream('identity.events.v1|person-17', 16)).toBe(b);
  });

  it('spreads keys over every bucket', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 1600; i++) counts[bucketOfStream(`t|person-${i}`, 16)]++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });

  it('gives each live instance a share that covers every bucket', () => {
    expect([1, 2, 3, 5, 16, 20].map((m) => fairShare(16, m))).toEqual([16, 8, 6, 4, 1, 1]);
    expect(fairShare(16, 0)).toBe(16);
  });
});
