import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { DependencyProbe } from './dependency-checks';

/**
 * What readiness knows beyond the configured dependencies: whether shutdown has begun (readiness
 * turns red first, so a load balancer stops sending work), and probes that parts of the process
 * register themselves, such as a Temporal worker reporting whether it is polling.
 */
@Injectable()
export class LifecycleState implements BeforeApplicationShutdown {
  shuttingDown = false;
  readonly componentProbes = new Map<string, DependencyProbe>();

  registerProbe(name: string, probe: DependencyProbe): void {
    this.componentProbes.set(name, probe);
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }
}
