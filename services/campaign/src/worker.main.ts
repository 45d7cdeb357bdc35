import { bootstrapHttpService } from '@vax/platform';
import { CampaignWorkerConfig } from './worker/campaign-worker.config';
import { CampaignWorkerModule, WORKER_SERVICE_NAME } from './worker/campaign-worker.module';

// The worker is its own process (scaled and restarted apart from the API); its HTTP port serves health only.
void bootstrapHttpService({
  service: WORKER_SERVICE_NAME,
  description: 'Temporal worker of the reconciliation campaign: one workflow per campaign. HTTP serves health only.',
  configClass: CampaignWorkerConfig,
  rootModule: (config) => CampaignWorkerModule.forRoot(config),
});
