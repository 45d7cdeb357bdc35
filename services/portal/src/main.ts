import { bootstrapHttpService } from '@vax/platform';
import { CAMPAIGN_UPLOAD_PATH, CAMPAIGN_UPLOAD_TYPES } from './adapters/http/campaigns.http-controller';
import { PortalConfig } from './portal.config';
import { PortalModule, SERVICE_NAME } from './portal.module';

void bootstrapHttpService({
  service: SERVICE_NAME,
  description: 'The web portal for citizens, vaccination sites and managers, and its backend-for-frontend.',
  configClass: PortalConfig,
  // Browsers, by session cookie (and CSRF header on changes): what its OpenAPI document says.
  authentication: 'session-cookie',
  rootModule: (config) => PortalModule.forRoot(config),
  // A list upload goes through to the campaign service as it arrives, never parsed nor held here.
  streamedBodies: [{ path: CAMPAIGN_UPLOAD_PATH, contentTypes: CAMPAIGN_UPLOAD_TYPES }],
});
