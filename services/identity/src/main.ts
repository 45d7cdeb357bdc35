import { bootstrapHttpService } from '@vax/platform';
import { IdentityConfig } from './identity.config';
import { IdentityModule, SERVICE_NAME } from './identity.module';

void bootstrapHttpService({
  service: SERVICE_NAME,
  description:
    'Identity verification against the national population database: QR parsing, matching, verification results.',
  configClass: IdentityConfig,
  rootModule: (config) => IdentityModule.forRoot(config),
  consumesMessages: true,
});
