import { randomUnique } from './dcc-certificate-signer';

describe('the random part of a UVCI', () => {
  it('is 16 characters of the 32 that read aloud unambiguously, and does not repeat', () => {
    const drawn = Array.from({ length: 5000 }, () => randomUnique());
    for (const unique of drawn) expect(unique).toMatch(/^[A-HJ-NP-Z2-9]{16}$/);
    expect(new Set(drawn).size).toBe(drawn.length);
  });

  it('uses every character about equally often (5 random bits each)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const c of randomUnique()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (4000 * 16) / 32; // 2,000 each; a binomial standard deviation of ~44
    for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(300);
  });
});
