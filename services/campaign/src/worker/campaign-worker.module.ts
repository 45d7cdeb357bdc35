import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@vax/platform';
import type { CampaignWorkerConfig } from './campaign-worker.config';
import { TemporalWorkerRunner, WORKER_CONFIG } from './temporal-worker.runner';

export const WORKER_SERVICE_NAME = 'campaign-worker';

/** The worker process: the campaign's database and message sink, and the Temporal worker; no API. */
@Module({})
export class CampaignWorkerModule {
  static forRoot(config: CampaignWorkerConfig): DynamicModule {
    return {
      module: CampaignWorkerModule,
      imports: [PlatformModule.forService(WORKER_SERVICE_NAME, config)],
      providers: [TemporalWorkerRunner, { provide: WORKER_CONFIG, useValue: config }],
    };
  }
}
