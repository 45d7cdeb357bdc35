import { DynamicModule, Module } from '@nestjs/common';
import { DiagnosticsModule, PlatformModule } from '@vax/platform';
import type { ComplaintsConfig } from './complaints.config';

export const SERVICE_NAME = 'complaints';

@Module({})
export class ComplaintsModule {
  static forRoot(config: ComplaintsConfig): DynamicModule {
    return {
      module: ComplaintsModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
    };
  }
}
