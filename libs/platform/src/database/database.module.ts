import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';

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
            new Pool({
              connectionString,
              application_name: applicationName,
              max: poolSize,
              connectionTimeoutMillis: 3_000,
            }),
        },
        PoolCloser,
      ],
      exports: [PG_POOL],
    };
  }
}
