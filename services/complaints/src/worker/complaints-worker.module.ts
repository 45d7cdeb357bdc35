import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@vax/platform';
import type { ComplaintsWorkerConfig } from './complaints-worker.config';
import { TemporalWorkerRunner, WORKER_CONFIG } from './temporal-worker.runner';

export const WORKER_SERVICE_NAME = 'complaints-worker';

@Module({})
export class ComplaintsWorkerModule {
  static forRoot(config: ComplaintsWorkerConfig): DynamicModule {
    return {
      module: ComplaintsWorkerModule,
      imports: [PlatformModule.forService(WORKER_SERVICE_NAME, config)],
      providers: [TemporalWorkerRunner, { provide: WORKER_CONFIG, useValue: config }],
    };
  }
}
