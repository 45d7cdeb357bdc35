import type { RecordedEvent } from './event-envelope';
import { UpcasterChain } from './upcasting';

const recorded = (type: string, schemaVersion: number, data: unknown) =>
  ({ type, schemaVersion, data, id: 'e', stream: 's', revision: 0n }) as unknown as RecordedEvent;

describe('upcasting old event versions on read', () => {
  const chain = new UpcasterChain()
    .register('DoseRecorded', 1, (d) => ({ ...(d as object), lot: null }))
    .register('DoseRecorded', 2, (d) => {
      const { vaccine, ...rest } = d as { vaccine: string };
      return { ...rest, vaccineCode: vaccine };
    });

  it('lifts v1 through every step to the current version', () => {
    expect(chain.upcast(recorded('DoseRecorded', 1, { vaccine: 'AZ' }))).toMatchObject({
      schemaVersion: 3,
      data: { vaccineCode: 'AZ', lot: null },
    });
  });

  it('leaves an event at the current version untouched (same object)', () => {
    const current = recorded('DoseRecorded', 3, { vaccineCode: 'PF', lot: 'X1' });
    expect(chain.upcast(current)).toBe(current);
  });

  it('treats a type without upcasters as version 1', () => {
    expect(chain.currentVersion('RecoveryRecorded')).toBe(1);
  });

  it('refuses an event newer than the code knows', () => {
    expect(() => chain.upcast(recorded('DoseRecorded', 4, {}))).toThrow('newer than this code knows');
  });

  it('refuses a second upcaster for the same step', () => {
    expect(() => new UpcasterChain().register('X', 1, (d) => d).register('X', 1, (d) => d)).toThrow('exists already');
  });
});
