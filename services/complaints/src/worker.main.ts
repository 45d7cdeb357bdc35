import { bootstrapHttpService } from '@vax/platform';
import { ComplaintsWorkerConfig } from './worker/complaints-worker.config';
import { ComplaintsWorkerModule, WORKER_SERVICE_NAME } from './worker/complaints-worker.module';

// The worker is its own process (scaled and restarted apart from the API); its HTTP port serves health only.
void bootstrapHttpService({
  service: WORKER_SERVICE_NAME,
  description: 'Temporal worker of the complaints context: one workflow per complaint. HTTP serves health only.',
  configClass: ComplaintsWorkerConfig,
  rootModule: (config) => ComplaintsWorkerModule.forRoot(config),
});
