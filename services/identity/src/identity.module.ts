import { PeopleHttpController } from './adapters/http/people.http-controller';
import { readFileSync } from 'node:fs';
import { DynamicModule, Module, type Provider } from '@nestjs/common';
import type { EventStore } from '@vax/event-sourcing';
import {
  DiagnosticsModule,
  EVENT_STORE,
  EventSourcingModule,
  PG_POOL,
  PlatformModule,
  vietnamToday,
} from '@vax/platform';
import type { Pool } from 'pg';
import { VerificationsHttpController } from './adapters/http/verifications.http-controller';
import { BulkRequestsKafkaConsumer } from './adapters/kafka/bulk-requests.kafka-consumer';
import { BulkVerificationService } from './application/bulk-verification.service';
import { identityEventToContractV1 } from './application/identity-events.to-contract-v1';
import { VerificationService } from './application/verification.service';
import { DEFAULT_MATCH_POLICY } from './domain/matching/person-matcher';
import type { IdentityConfig } from './identity.config';
import { loadProvinceCodes } from './reference/population-reference';
import { GatewayPopulationRegistry } from './adapters/registry-gateway/gateway-population.registry';
import { LOCAL_REGISTRY_MIGRATIONS } from './adapters/local-registry/local-registry.migrations';
import { LocalPopulationRegistry } from './adapters/local-registry/local-population.registry';
import { PopulationRegistry } from './application/ports/population-registry.port';

export const SERVICE_NAME = 'identity';

function registryProvider(config: IdentityConfig): Provider {
  if (config.REGISTRY_MODE === 'gateway') {
    const read = (file?: string) => (file ? readFileSync(file, 'utf8') : undefined);
    const cert = read(config.REGISTRY_TLS_CERT_FILE);
    const key = read(config.REGISTRY_TLS_KEY_FILE);
    return {
      provide: PopulationRegistry,
      useFactory: () =>
        new GatewayPopulationRegistry({
          baseUrl: config.REGISTRY_GATEWAY_URL!,
          timeoutMs: config.REGISTRY_TIMEOUT_MS,
          retries: config.REGISTRY_RETRIES,
          backoffMs: 100,
          tls: cert && key ? { cert, key, ca: read(config.REGISTRY_TLS_CA_FILE) } : undefined,
        }),
    };
  }
  return {
    provide: PopulationRegistry,
    inject: [PG_POOL],
    useFactory: (pool: Pool) => new LocalPopulationRegistry(pool),
  };
}

@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    const provinceCodes = loadProvinceCodes();
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        EventSourcingModule.forService({
          service: SERVICE_NAME,
          migrations: LOCAL_REGISTRY_MIGRATIONS,
          toMessage: identityEventToContractV1,
          publish: config.PUBLISHER_ENABLED,
          // A desk's check is answered without waiting for the disk (VerificationService.verify).
          deferredAppends: true,
        }),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
      controllers: [VerificationsHttpController, PeopleHttpController, BulkRequestsKafkaConsumer],
      providers: [
        registryProvider(config),
        {
          provide: BulkVerificationService,
          inject: [EVENT_STORE, PopulationRegistry],
          useFactory: (store: EventStore, registry: PopulationRegistry) =>
            new BulkVerificationService(store, registry, DEFAULT_MATCH_POLICY),
        },
        {
          provide: VerificationService,
          inject: [EVENT_STORE, PopulationRegistry],
          useFactory: (store: EventStore, registry: PopulationRegistry) =>
            new VerificationService(store, registry, DEFAULT_MATCH_POLICY, () => ({
              provinceCodes,
              today: vietnamToday(),
            })),
        },
      ],
    };
  }
}
