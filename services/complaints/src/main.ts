import { bootstrapHttpService } from '@vax/platform';
import { ComplaintsConfig } from './complaints.config';
import { ComplaintsModule, SERVICE_NAME } from './complaints.module';

void bootstrapHttpService({
  service: SERVICE_NAME,
  description: 'Citizen complaints about vaccination data, each carried by a durable Temporal workflow under SLA.',
  configClass: ComplaintsConfig,
  rootModule: (config) => ComplaintsModule.forRoot(config),
  consumesMessages: true,
});
