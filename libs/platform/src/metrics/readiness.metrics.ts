import { Gauge, type Registry } from 'prom-client';
import type { DependencyProbe } from '../health/dependency-checks';
import type { LifecycleState } from '../health/lifecycle.state';

/**
 * Readiness as a metric, per dependency, by the same probes /health/ready runs: an alert can then
 * say which process is not ready and on what, without anyone polling the health endpoint.
 */
export function watchReadiness(
  registry: Registry,
  probes: Record<string, DependencyProbe>,
  lifecycle: LifecycleState,
): void {
  new Gauge({
    name: 'process_ready',
    help: 'Whether the process is ready, per dependency it checks (1 ready, 0 not); "process" is shutdown',
    labelNames: ['dependency'],
    registers: [registry],
    async collect() {
      this.set({ dependency: 'process' }, lifecycle.shuttingDown ? 0 : 1);
      const all = [...Object.entries(probes), ...lifecycle.componentProbes.entries()];
      await Promise.all(
        all.map(([name, probe]) =>
          probe().then(
            () => this.set({ dependency: name }, 1),
            () => this.set({ dependency: name }, 0),
          ),
        ),
      );
    },
  });
}
