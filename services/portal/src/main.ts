import { bootstrapHttpService } from '@vax/platform';
import { PortalConfig } from './portal.config';
import { PortalModule, SERVICE_NAME } from './portal.module';

void bootstrapHttpService({
  service: SERVICE_NAME,
  description: 'The web portal for citizens, vaccination sites and managers, and its backend-for-frontend.',
  configClass: PortalConfig,
  rootModule: (config) => PortalModule.forRoot(config),
});
