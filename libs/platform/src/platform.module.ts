import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { HttpServiceConfig } from './config/service-config';
import { ActorTokenVerifier } from './auth/actor-token';
import { parseTrustedKeys, readJsonSetting } from './auth/actor-token.keys';
import { ActorGuard } from './auth/actor.guard';
import { DatabaseModule, PG_POOL } from './database/database.module';
import { type DependencyProbe, kafkaProbe, postgresProbe, temporalProbe } from './health/dependency-checks';
import { DEPENDENCY_PROBES, HealthController } from './health/health.controller';
import { LifecycleState } from './health/lifecycle.state';
import { KAFKA, kafkaFor } from './kafka/kafka.tokens';
import { StructuredLoggingModule } from './logging/logging.module';
import {
  BUS_POOL,
  MESSAGE_SINK,
  messageSinkProviders,
  type TransportSettings,
} from './messaging/message-sink.provider';
import { TemporalConnection } from './temporal.connection';

/** The settings a process may have; which are present decides which dependencies it gets and checks. */
export type PlatformConfig = HttpServiceConfig &
  TransportSettings & {
    ACTOR_TOKEN_TRUSTED_KEYS?: string;
    ACTOR_TOKEN_TRUSTED_KEYS_FILE?: string;
    DATABASE_URL?: string;
    DATABASE_POOL_SIZE?: number;
    TEMPORAL_ADDRESS?: string;
    TEMPORAL_NAMESPACE?: string;
    EVENT_STORE?: 'postgres' | 'kurrentdb';
    KURRENTDB_URL?: string;
  };

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** Logging, health, and the service's own connections, wired the same way in every process. */
@Module({})
export class PlatformModule {
  static forService(service: string, config: PlatformConfig): DynamicModule {
    const imports: DynamicModule[] = [StructuredLoggingModule.forService(service, config.LOG_LEVEL)];
    const providers: Provider[] = [LifecycleState, { provide: PLATFORM_CONFIG, useValue: config }];
    const exported: unknown[] = [LifecycleState, PLATFORM_CONFIG];
    const trusted = readJsonSetting(config.ACTOR_TOKEN_TRUSTED_KEYS, config.ACTOR_TOKEN_TRUSTED_KEYS_FILE);
    if (trusted !== undefined) {
      // The service's name is the audience: a token minted for another service is refused here.
      const verifier = {
        provide: ActorTokenVerifier,
        useFactory: () => ActorTokenVerifier.from(service, parseTrustedKeys(trusted)),
      };
      providers.push(verifier, ActorGuard);
      exported.push(ActorTokenVerifier, ActorGuard);
    }
    const probes: Record<string, (...deps: never[]) => DependencyProbe> = {};
    const probeTokens: (symbol | typeof TemporalConnection)[] = [];

    if (config.DATABASE_URL) {
      imports.push(DatabaseModule.forRoot(config.DATABASE_URL, service, config.DATABASE_POOL_SIZE));
      probeTokens.push(PG_POOL);
      probes.database = postgresProbe as never;
    }
    const sink = messageSinkProviders(service, config);
    if (sink.length > 0) {
      providers.push(...sink);
      exported.push(MESSAGE_SINK);
    }
    if (config.MESSAGE_TRANSPORT === 'embedded') {
      probeTokens.push(BUS_POOL);
      probes.bus = postgresProbe as never;
    } else if (config.KAFKA_BROKERS) {
      providers.push({ provide: KAFKA, useValue: kafkaFor(`${service}-platform`, config.KAFKA_BROKERS) });
      exported.push(KAFKA);
      probeTokens.push(KAFKA);
      probes.kafka = kafkaProbe as never;
    }
    if (config.TEMPORAL_ADDRESS) {
      const temporal = new TemporalConnection(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE ?? 'default');
      providers.push({ provide: TemporalConnection, useValue: temporal });
      exported.push(TemporalConnection);
      probeTokens.push(TemporalConnection);
      probes.temporal = ((t: TemporalConnection) => temporalProbe(() => t.get())) as never;
    }
    providers.push({
      provide: DEPENDENCY_PROBES,
      inject: probeTokens,
      useFactory: (...deps: never[]) =>
        Object.fromEntries(Object.entries(probes).map(([name, make], i) => [name, make(deps[i])])),
    });

    return {
      module: PlatformModule,
      global: true,
      imports: [...imports, TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers,
      exports: [...imports, ...(exported as Provider[])],
    };
  }
}
