import { DynamicModule, Module } from '@nestjs/common';
import { DiagnosticsModule, PlatformModule } from '@vax/platform';
import type { IdentityConfig } from './identity.config';

export const SERVICE_NAME = 'identity';

@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
    };
  }
}
