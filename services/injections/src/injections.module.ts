import { DynamicModule, Module } from '@nestjs/common';
import { DiagnosticsModule, PlatformModule } from '@vax/platform';
import type { InjectionsConfig } from './injections.config';

export const SERVICE_NAME = 'injections';

@Module({})
export class InjectionsModule {
  static forRoot(config: InjectionsConfig): DynamicModule {
    return {
      module: InjectionsModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
    };
  }
}
