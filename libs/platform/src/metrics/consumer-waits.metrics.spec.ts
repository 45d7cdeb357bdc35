import type { ConsumerWaits, WaitingPartition } from '@vax/messaging';
import { Registry } from 'prom-client';
import { LifecycleState } from '../health/lifecycle.state';
import { watchConsumerWaits } from './consumer-waits.metrics';

describe('a consumer waiting on a transient failure, at /metrics and in readiness', () => {
  const waiting: WaitingPartition[] = [];
  const consumer: ConsumerWaits = { group: 'injections', waiting: () => waiting };
  const registry = new Registry();
  const lifecycle = new LifecycleState();
  watchConsumerWaits(registry, lifecycle, consumer);
  const probe = lifecycle.componentProbes.get('consumer')!;
  const value = async (name: string) => (await registry.getMetricsAsJSON()).find((m) => m.name === name)!.values[0];

  it('reports nothing waiting, and is ready', async () => {
    expect(await value('messaging_partitions_waiting')).toMatchObject({ value: 0, labels: { group: 'injections' } });
    expect((await value('messaging_transient_wait_seconds')).value).toBe(0);
    await expect(probe()).resolves.toBeUndefined();
  });

  it('counts the partitions held back, and turns readiness red naming them and the failure, not its text', async () => {
    waiting.push({
      partition: 'identity.events.v1/3',
      position: '17',
      attempts: 4,
      since: new Date(Date.now() - 12_000),
      failure: 'Error 57P01',
    });
    expect((await value('messaging_partitions_waiting')).value).toBe(1);
    expect((await value('messaging_transient_wait_seconds')).value).toBeGreaterThanOrEqual(12);
    await expect(probe()).rejects.toThrow(
      /waiting on a transient failure: identity\.events\.v1\/3 at 17 \(4 attempts over 1\d s, Error 57P01\)/,
    );
  });
});
