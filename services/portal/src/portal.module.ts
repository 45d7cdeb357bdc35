import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@vax/platform';
import type { PortalConfig } from './portal.config';
import { PlatformStatusController } from './status/platform-status.controller';
import { WebAssetsController } from './web/web-assets.controller';

export const SERVICE_NAME = 'portal';

@Module({})
export class PortalModule {
  static forRoot(config: PortalConfig): DynamicModule {
    return {
      module: PortalModule,
      imports: [PlatformModule.forService(SERVICE_NAME, config)],
      controllers: [PlatformStatusController, WebAssetsController],
    };
  }
}
