import { DynamicModule, Module } from '@nestjs/common';
import { DiagnosticsModule, PlatformModule } from '@vax/platform';
import type { CertificationConfig } from './certification.config';

export const SERVICE_NAME = 'certification';

@Module({})
export class CertificationModule {
  static forRoot(config: CertificationConfig): DynamicModule {
    return {
      module: CertificationModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
    };
  }
}
