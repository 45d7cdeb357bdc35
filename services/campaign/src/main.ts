import { bootstrapHttpService } from '@vax/platform';
import { ALL_UPLOAD_CONTENT_TYPES } from './adapters/http/upload-body';
import { CampaignConfig } from './campaign.config';
import { CampaignModule, SERVICE_NAME } from './campaign.module';

void bootstrapHttpService({
  service: SERVICE_NAME,
  description:
    'The data-cleaning campaign: old vaccination lists imported, verified in bulk against the registry, matched doses to the records, doubtful rows back to their sites.',
  configClass: CampaignConfig,
  rootModule: (config) => CampaignModule.forRoot(config),
  consumesMessages: true,
  streamedBodies: [{ path: '/campaigns/imports', contentTypes: ALL_UPLOAD_CONTENT_TYPES }],
});
