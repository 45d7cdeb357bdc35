import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { describeConnectionLoss, survivingConnectionLoss } from '@vax/event-sourcing';
import { Pool } from 'pg';
import { withinRequestDeadline } from './within-request-deadline';

export const PG_POOL = Symbol('PG_POOL');

@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** One pg pool per process, for the service's own database only. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(connectionString: string, applicationName: string, poolSize = 10): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: PG_POOL,
          useFactory: () =>
            withinRequestDeadline(
              survivingPool(applicationName, {
                connectionString,
                application_name: applicationName,
                max: poolSize,
                // A fixed-size pool: connections opened for a burst stay open. Left to pg's default, the
                // pool closed them after 10 s idle and the next burst paid for new backends all at
                // once (40-114 ms a connection, measured under load), on top of the closing.
                min: poolSize,
                // Also how long a request waits for a free connection: past it, 503 with Retry-After.
                connectionTimeoutMillis: 3_000,
              }),
            ),
        },
        PoolCloser,
      ],
      exports: [PG_POOL],
    };
  }
}

/** A pool that reports a lost connection and carries on (see survivingConnectionLoss). */
export function survivingPool(name: string, config: ConstructorParameters<typeof Pool>[0]): Pool {
  const logger = new Logger('database');
  return survivingConnectionLoss(new Pool(config), (error) =>
    logger.warn(
      `${name}: a connection to PostgreSQL was lost (${describeConnectionLoss(error)}); opening another when needed`,
    ),
  );
}
