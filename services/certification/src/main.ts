import { bootstrapHttpService } from '@vax/platform';
import { CertificationConfig } from './certification.config';
import { CertificationModule, SERVICE_NAME } from './certification.module';

void bootstrapHttpService({
  service: SERVICE_NAME,
  description: 'Vaccination certificates: status per person, EU DCC signing, revocation, verification.',
  configClass: CertificationConfig,
  rootModule: (config) => CertificationModule.forRoot(config),
  consumesMessages: true,
});
