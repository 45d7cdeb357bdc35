import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { DependencyProbe } from './dependency-checks';
import { LifecycleState } from './lifecycle.state';

export const DEPENDENCY_PROBES = Symbol('DEPENDENCY_PROBES');
export type NamedProbes = Record<string, DependencyProbe>;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly lifecycle: LifecycleState,
    @Inject(DEPENDENCY_PROBES) private readonly probes: NamedProbes,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up and its event loop answers' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Every dependency answers now (database, Kafka, Temporal as the service uses them)' })
  @HealthCheck()
  ready() {
    const shutdown = async () => {
      const session = this.indicators.check('process');
      return this.lifecycle.shuttingDown ? session.down('shutting down') : session.up();
    };
    const probes = [...Object.entries(this.probes), ...this.lifecycle.componentProbes.entries()];
    return this.health.check([shutdown, ...probes.map(([name, probe]) => this.run(name, probe))]);
  }

  private run(name: string, probe: DependencyProbe) {
    return async () => {
      const session = this.indicators.check(name);
      const started = Date.now();
      try {
        await probe();
        return session.up({ latencyMs: Date.now() - started });
      } catch (error) {
        return session.down({ message: error instanceof Error ? error.message : String(error) });
      }
    };
  }
}
