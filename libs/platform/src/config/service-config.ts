import 'reflect-metadata';
import { Expose, Transform, Type } from 'class-transformer';
import { isDevelopmentKey, parseSigningKey, parseTrustedKeys, readJsonSetting } from '../auth/actor-token.keys';
import type { ConfigProblem } from './config.loader';
import { JsonKeySetting } from './json-key.setting';
import { OTLP_METRICS_PROTOCOLS, type OtlpMetricsProtocol } from '../metrics/otlp-metrics.protocols';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s/]+\/[A-Za-z0-9_-]+(\?.*)?$/;

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** Settings every HTTP-facing process has. Names are the environment variables. */
export class HttpServiceConfig {
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(1)
  @Max(65535)
  PORT!: number;

  /** 127.0.0.1 on a workstation; 0.0.0.0 inside a container. */
  @Expose()
  @IsString()
  @Matches(/^[A-Za-z0-9.:-]+$/, { message: 'must be an interface address or host name' })
  HOST = '127.0.0.1';

  @Expose()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1024, { message: 'must be at least 1024 bytes' })
  @Max(50 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES = 100 * 1024;

  /** Processes serving this service's port (node:cluster); more than one when one event loop bounds it. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(16)
  HTTP_WORKERS = 1;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * How long a request may run before it starts no more database work (answered 503 with
   * Retry-After): below the callers' timeout, the portal's 10 s, so nothing is executed for a
   * caller that has given up and will retry.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  REQUEST_DEADLINE_MS = 9_000;

  /** Operator endpoints that publish test messages through the real pipes; off unless asked for. */
  @Expose()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  DIAGNOSTICS_ENABLED = false;

  /**
   * An OTLP/HTTP collector's metrics endpoint (`…/v1/metrics`): the metrics /metrics serves are also
   * pushed there every METRICS_OTLP_INTERVAL_MS (ADR 15). Unset, they are only served.
   */
  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: "must be an http(s) URL (an OTLP collector's …/v1/metrics)" })
  METRICS_OTLP_ENDPOINT?: string;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1_000)
  @Max(3_600_000)
  METRICS_OTLP_INTERVAL_MS = 15_000;

  @Expose()
  @IsIn(OTLP_METRICS_PROTOCOLS, { message: `must be one of ${OTLP_METRICS_PROTOCOLS.join(', ')}` })
  METRICS_OTLP_PROTOCOL: OtlpMetricsProtocol = 'http/protobuf';
}

export class DatabaseConfig extends HttpServiceConfig {
  @Expose()
  @IsString({ message: 'is required (postgres://user:pass@host:port/db)' })
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL naming a database' })
  DATABASE_URL!: string;

  /**
   * Connections each process keeps to its database. Requests queue for one in the process, not in
   * PostgreSQL; with many concurrent writers more of them let commits share WAL flushes.
   */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(2)
  @Max(100)
  DATABASE_POOL_SIZE = 10;
}

export const MESSAGE_TRANSPORTS = ['kafka', 'embedded'] as const;
export const EVENT_STORES = ['postgres', 'kurrentdb'] as const;
const usesKurrentDb = (c: BackendServiceConfig) => c.EVENT_STORE === 'kurrentdb';
const usesKafka = (c: BackendServiceConfig) => c.MESSAGE_TRANSPORT === 'kafka';
const usesEmbedded = (c: BackendServiceConfig) => c.MESSAGE_TRANSPORT === 'embedded';

/**
 * A service that owns a database and exchanges messages with the others: over Kafka (the distributed
 * stack), or over the embedded log in a database shared by one machine's services (the default install).
 */
export class BackendServiceConfig extends DatabaseConfig {
  @Expose()
  @IsIn(MESSAGE_TRANSPORTS, { message: `must be one of ${MESSAGE_TRANSPORTS.join(', ')}` })
  MESSAGE_TRANSPORT: (typeof MESSAGE_TRANSPORTS)[number] = 'kafka';

  @Expose()
  @ValidateIf(usesKafka)
  @Transform(toList)
  @ArrayNotEmpty({ message: 'is required with MESSAGE_TRANSPORT=kafka (comma-separated host:port list)' })
  @Matches(HOST_PORT, { each: true, message: 'each broker must be host:port' })
  KAFKA_BROKERS?: string[];

  /** Defaults to the service name: one consumer group (or embedded subscriber) per service. */
  @Expose()
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'must be a consumer group id (A-Z, a-z, 0-9, . _ -)' })
  KAFKA_CONSUMER_GROUP?: string;

  @Expose()
  @ValidateIf(usesEmbedded)
  @IsString({ message: 'is required with MESSAGE_TRANSPORT=embedded (postgres:// URL of the shared bus database)' })
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL naming a database' })
  BUS_DATABASE_URL?: string;

  /**
   * Where the service keeps its events: its own PostgreSQL database (the default, exercised by every
   * test), or a KurrentDB server of its own (KURRENTDB_URL; not exercised where none is reachable:
   * see docs/adr/0016). Checkpoints, the inbox and read models stay in DATABASE_URL either way.
   */
  @Expose()
  @IsIn(EVENT_STORES, { message: `must be one of ${EVENT_STORES.join(', ')}` })
  EVENT_STORE: (typeof EVENT_STORES)[number] = 'postgres';

  @Expose()
  @ValidateIf(usesKurrentDb)
  @IsString({ message: 'is required with EVENT_STORE=kurrentdb (kurrentdb://host:2113?tls=false)' })
  @Matches(/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/\S+$/, {
    message: 'must be a kurrentdb:// connection string',
  })
  KURRENTDB_URL?: string;

  /**
   * Whether this process publishes its stored events (one process per database does, by lock);
   * false for an instance that should only serve requests.
   */
  @Expose()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  PUBLISHER_ENABLED = true;

  /** The public keys of the issuers this service trusts (the portal; services speaking for themselves). */
  @Expose()
  @JsonKeySetting(parseTrustedKeys, 'ACTOR_TOKEN_TRUSTED_KEYS_FILE', {
    required: true,
    what: 'JSON {"portal": <Ed25519 public JWK>, …}',
  })
  ACTOR_TOKEN_TRUSTED_KEYS?: string;

  @Expose()
  @IsOptional()
  @IsString()
  ACTOR_TOKEN_TRUSTED_KEYS_FILE?: string;

  /** Extended by each service's configuration with its own development defaults. */
  productionProblems(): ConfigProblem[] {
    const trusted = parseTrustedKeys(
      readJsonSetting(this.ACTOR_TOKEN_TRUSTED_KEYS, this.ACTOR_TOKEN_TRUSTED_KEYS_FILE),
    );
    const development = Object.entries(trusted).filter(([, jwk]) => isDevelopmentKey(jwk));
    return development.length === 0
      ? []
      : [
          unfitForProduction(
            'ACTOR_TOKEN_TRUSTED_KEYS',
            `trusts development keys (${development.map(([i]) => i).join(', ')})`,
          ),
        ];
  }
}

/** A backend service that also talks to Temporal. */
export class WorkflowServiceConfig extends BackendServiceConfig {
  @Expose()
  @IsString({ message: 'is required (host:port of the Temporal frontend)' })
  @Matches(HOST_PORT, { message: 'must be host:port' })
  TEMPORAL_ADDRESS!: string;

  @Expose()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'must be a Temporal namespace name' })
  TEMPORAL_NAMESPACE = 'default';
}

/**
 * On the inline setting of a process that signs actor tokens as itself (the portal for people, a
 * worker calling a service): `@Expose() @SigningKeySetting() ACTOR_TOKEN_PRIVATE_KEY?: string`, with
 * `ACTOR_TOKEN_PRIVATE_KEY_FILE` beside it.
 */
export const SigningKeySetting = (): PropertyDecorator =>
  JsonKeySetting(parseSigningKey, 'ACTOR_TOKEN_PRIVATE_KEY_FILE', {
    required: true,
    what: 'JSON {"issuer": "<name>", "jwk": <Ed25519 private JWK>}',
  });

/** Keys hashes of one-time codes kept at rest (sign-in and contact codes): a secret of this process alone. */
export const CodeHashSecretSetting = (): PropertyDecorator => (target, property) => {
  IsString({ message: 'is required (a random secret of at least 32 characters)' })(target, property);
  MinLength(32, { message: 'must be at least 32 characters' })(target, property);
};

/** A setting refused under NODE_ENV=production, and why. */
export function unfitForProduction(setting: string, why: string): ConfigProblem {
  return { setting, rules: [`${why}: not allowed with NODE_ENV=production`] };
}

/** The problem with a signing-key setting that holds a development key (made by deploy/local). */
export function developmentSigningKeyProblems(inline: string | undefined, file: string | undefined): ConfigProblem[] {
  const key = parseSigningKey(readJsonSetting(inline, file));
  return isDevelopmentKey(key.privateJwk)
    ? [unfitForProduction('ACTOR_TOKEN_PRIVATE_KEY', `is a development key (${key.keyId})`)]
    : [];
}
