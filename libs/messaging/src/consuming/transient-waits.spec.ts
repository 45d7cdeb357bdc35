import { TransientWaits, describeWaits } from './transient-waits';

const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432 for person 012345678901'), {
  code: 'ECONNREFUSED',
});

describe('partitions waiting on a transient failure', () => {
  it('counts attempts at one message across redeliveries, and starts over at the next message', () => {
    const waits = new TransientWaits();
    const t0 = new Date('2026-12-07T10:00:00Z');
    expect(waits.failed('t/0', '17', refused, t0)).toBe(1);
    expect(waits.failed('t/0', '17', refused, new Date('2026-12-07T10:00:05Z'))).toBe(2);
    expect(waits.attemptsAt('t/0', '17')).toBe(2);
    expect(waits.list()).toEqual([
      { partition: 't/0', position: '17', attempts: 2, since: t0, failure: 'Error ECONNREFUSED' },
    ]);
    expect(waits.failed('t/0', '18', refused)).toBe(1);
    expect(waits.attemptsAt('t/0', '17')).toBe(0);
  });

  it('forgets a partition once its message succeeds, or once another consumer owns it', () => {
    const waits = new TransientWaits();
    waits.failed('t/0', '1', refused);
    waits.failed('t/1', '1', refused);
    waits.succeeded('t/0');
    expect(waits.list().map((w) => w.partition)).toEqual(['t/1']);
    waits.keepOnly((partition) => partition !== 't/1');
    expect(waits.list()).toEqual([]);
  });

  it('describes a wait by its failure name and code, never its text (which may name a person)', () => {
    const waits = new TransientWaits();
    waits.failed('identity.events.v1/3', '42', refused, new Date(0));
    const text = describeWaits(waits.list(), 90_000);
    expect(text).toBe('identity.events.v1/3 at 42 (1 attempts over 90 s, Error ECONNREFUSED)');
    expect(text).not.toContain('012345678901');
  });
});
