import { bootstrapHttpService } from '@vax/platform';
import { InjectionsConfig } from './injections.config';
import { InjectionsModule, SERVICE_NAME } from './injections.module';

void bootstrapHttpService({
  service: SERVICE_NAME,
  description:
    'Immunization records: doses recorded after identity verification, corrections, attestations, statistics.',
  configClass: InjectionsConfig,
  rootModule: (config) => InjectionsModule.forRoot(config),
  consumesMessages: true,
});
