import { Gauge, type Registry } from 'prom-client';
import { type ConsumerWaits, describeWaits } from '@vax/messaging';
import type { LifecycleState } from '../health/lifecycle.state';

/**
 * Says, at /metrics and in readiness, that a consumer holds partitions back on a transient failure
 * (a database or peer away): the partitions waiting per group, and how long the oldest has waited.
 * Readiness is red meanwhile, naming the partitions: the process cannot keep up with its messages.
 */
export function watchConsumerWaits(registry: Registry, lifecycle: LifecycleState, consumer: ConsumerWaits): void {
  new Gauge({
    name: 'messaging_partitions_waiting',
    help: 'Partitions (embedded: buckets) held back while a message waits out a transient failure',
    labelNames: ['group'],
    registers: [registry],
    collect() {
      this.set({ group: consumer.group }, consumer.waiting().length);
    },
  });
  new Gauge({
    name: 'messaging_transient_wait_seconds',
    help: 'How long the longest-waiting partition has waited on a transient failure (0 when none)',
    labelNames: ['group'],
    registers: [registry],
    collect() {
      const oldest = Math.min(Date.now(), ...consumer.waiting().map((w) => w.since.getTime()));
      this.set({ group: consumer.group }, (Date.now() - oldest) / 1000);
    },
  });
  lifecycle.registerProbe('consumer', async () => {
    const waiting = consumer.waiting();
    if (waiting.length > 0) throw new Error(`waiting on a transient failure: ${describeWaits(waiting)}`);
  });
}
