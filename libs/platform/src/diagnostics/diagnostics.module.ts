import { DynamicModule, Module } from '@nestjs/common';
import { DIAGNOSTICS_SERVICE_NAME, DiagnosticsController } from './diagnostics.controller';
import { PipesPingStore } from './pipes-ping.store';

@Module({})
export class DiagnosticsModule {
  /** Mounted only where the operator enabled it; absent routes answer 404 like any unknown route. */
  static register(service: string, enabled: boolean): DynamicModule {
    if (!enabled) return { module: DiagnosticsModule };
    return {
      module: DiagnosticsModule,
      controllers: [DiagnosticsController],
      providers: [PipesPingStore, { provide: DIAGNOSTICS_SERVICE_NAME, useValue: service }],
    };
  }
}
