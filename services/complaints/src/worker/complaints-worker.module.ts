import { DynamicModule, Module } from '@nestjs/common';
import { EventSourcingModule, PlatformModule } from '@vax/platform';
import { COMPLAINTS_MIGRATIONS } from '../adapters/postgres/complaints.migrations';
import { SERVICE_NAME } from '../complaints.config';
import type { ComplaintsWorkerConfig } from './complaints-worker.config';
import { lifecycleActivitiesProvider } from './lifecycle-activities.provider';
import { TemporalWorkerRunner, WORKER_CONFIG } from './temporal-worker.runner';

export const WORKER_SERVICE_NAME = 'complaints-worker';

@Module({})
export class ComplaintsWorkerModule {
  static forRoot(config: ComplaintsWorkerConfig): DynamicModule {
    return {
      module: ComplaintsWorkerModule,
      imports: [
        PlatformModule.forService(WORKER_SERVICE_NAME, config),
        // The complaints database, shared with the API; the API publishes its events, not the worker.
        EventSourcingModule.forService({ service: SERVICE_NAME, migrations: COMPLAINTS_MIGRATIONS, publish: false }),
      ],
      providers: [
        TemporalWorkerRunner,
        { provide: WORKER_CONFIG, useValue: config },
        lifecycleActivitiesProvider(config),
      ],
    };
  }
}
