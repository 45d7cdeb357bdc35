import { InvalidConfigurationError, loadConfig } from './config.loader';
import { BackendServiceConfig, WorkflowServiceConfig } from './service-config';

const valid = {
  PORT: '3001',
  DATABASE_URL: 'postgres://vax:secret@127.0.0.1:5432/identity',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
  ACTOR_TOKEN_TRUSTED_KEYS: JSON.stringify({
    portal: { kty: 'OKP', crv: 'Ed25519', x: 'uhX-86fFYU-FqIXKnxhxlq4e97OXcXqHxGAAAZnQsYQ', kid: 'portal-1' },
  }),
};

function problemsOf(env: Record<string, string>, cls: new () => object = BackendServiceConfig) {
  try {
    loadConfig('identity', cls, env);
  } catch (e) {
    if (e instanceof InvalidConfigurationError) return e;
    throw e;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('service configuration', () => {
  it('converts and defaults valid settings', () => {
    const config = loadConfig('identity', BackendServiceConfig, valid);
    expect(config).toMatchObject({
      PORT: 3001,
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9094'],
      DIAGNOSTICS_ENABLED: false,
    });
  });

  it('names every missing setting', () => {
    const error = problemsOf({});
    expect(error.problems.map((p) => p.setting).sort()).toEqual(
      ['ACTOR_TOKEN_TRUSTED_KEYS', 'DATABASE_URL', 'KAFKA_BROKERS', 'PORT'].sort(),
    );
    expect(error.message).toContain('identity: invalid configuration');
  });

  it('names the bad setting and its rule, without echoing the value', () => {
    const error = problemsOf({ ...valid, PORT: 'eighty', DATABASE_URL: 'mysql://u:hunter2@h/db' });
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { setting: 'PORT', rules: expect.arrayContaining(['must be an integer port number']) },
        { setting: 'DATABASE_URL', rules: ['must be a postgres:// URL naming a database'] },
      ]),
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects a broker list entry that is not host:port', () => {
    const error = problemsOf({ ...valid, KAFKA_BROKERS: '127.0.0.1:9092,kafka' });
    expect(error.problems).toEqual([{ setting: 'KAFKA_BROKERS', rules: ['each broker must be host:port'] }]);
  });

  it('requires the Temporal address only where a service uses Temporal', () => {
    const error = problemsOf(valid, WorkflowServiceConfig);
    expect(error.problems.map((p) => p.setting)).toEqual(['TEMPORAL_ADDRESS']);
  });

  it('asks for the bus database instead of brokers on the embedded transport', () => {
    const withoutKafka = {
      PORT: valid.PORT,
      DATABASE_URL: valid.DATABASE_URL,
      ACTOR_TOKEN_TRUSTED_KEYS: valid.ACTOR_TOKEN_TRUSTED_KEYS,
    };
    const error = problemsOf({ ...withoutKafka, MESSAGE_TRANSPORT: 'embedded' });
    expect(error.problems.map((p) => p.setting)).toEqual(['BUS_DATABASE_URL']);
    const config = loadConfig('identity', BackendServiceConfig, {
      ...withoutKafka,
      MESSAGE_TRANSPORT: 'embedded',
      BUS_DATABASE_URL: 'postgres://vax:x@127.0.0.1:5432/bus',
    });
    expect(config).toMatchObject({ MESSAGE_TRANSPORT: 'embedded', KAFKA_BROKERS: undefined });
  });

  it('refuses trusted keys that are not JSON, not Ed25519 or private, without quoting them', () => {
    const notJson = problemsOf({ ...valid, ACTOR_TOKEN_TRUSTED_KEYS: '{"portal": secret-bytes' });
    expect(notJson.problems).toEqual([{ setting: 'ACTOR_TOKEN_TRUSTED_KEYS', rules: ['is not valid JSON'] }]);
    expect(notJson.message).not.toContain('secret-bytes');
    const rsa = problemsOf({ ...valid, ACTOR_TOKEN_TRUSTED_KEYS: JSON.stringify({ portal: { kty: 'RSA', n: 'x' } }) });
    expect(rsa.problems).toEqual([
      { setting: 'ACTOR_TOKEN_TRUSTED_KEYS', rules: ['portal: not an Ed25519 public JWK'] },
    ]);
    const unreadable = problemsOf({
      ...valid,
      ACTOR_TOKEN_TRUSTED_KEYS: '',
      ACTOR_TOKEN_TRUSTED_KEYS_FILE: '/nonexistent/trusted-keys.json',
    });
    expect(unreadable.problems).toEqual([
      { setting: 'ACTOR_TOKEN_TRUSTED_KEYS', rules: ['ACTOR_TOKEN_TRUSTED_KEYS_FILE: cannot be read'] },
    ]);
  });

  it('rejects an unknown transport', () => {
    const error = problemsOf({ ...valid, MESSAGE_TRANSPORT: 'rabbitmq' });
    expect(error.problems).toEqual([{ setting: 'MESSAGE_TRANSPORT', rules: ['must be one of kafka, embedded'] }]);
  });

  it('pushes metrics over OTLP only when given a collector, every 15 s by default', () => {
    expect(loadConfig('identity', BackendServiceConfig, valid)).toMatchObject({
      METRICS_OTLP_ENDPOINT: undefined,
      METRICS_OTLP_INTERVAL_MS: 15_000,
      METRICS_OTLP_PROTOCOL: 'http/protobuf',
    });
    const error = problemsOf({
      ...valid,
      METRICS_OTLP_ENDPOINT: 'collector:4318',
      METRICS_OTLP_INTERVAL_MS: '10',
      METRICS_OTLP_PROTOCOL: 'grpc',
    });
    expect(error.problems).toEqual([
      { setting: 'METRICS_OTLP_ENDPOINT', rules: ["must be an http(s) URL (an OTLP collector's …/v1/metrics)"] },
      { setting: 'METRICS_OTLP_INTERVAL_MS', rules: ['METRICS_OTLP_INTERVAL_MS must not be less than 1000'] },
      { setting: 'METRICS_OTLP_PROTOCOL', rules: ['must be one of http/protobuf, http/json'] },
    ]);
  });

  it('rejects a boolean flag that is not true or false', () => {
    const error = problemsOf({ ...valid, DIAGNOSTICS_ENABLED: 'yes' });
    expect(error.problems).toEqual([{ setting: 'DIAGNOSTICS_ENABLED', rules: ['must be true or false'] }]);
  });
});
