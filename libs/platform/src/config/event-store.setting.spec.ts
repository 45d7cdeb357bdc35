import { InvalidConfigurationError, loadConfig } from './config.loader';
import { BackendServiceConfig } from './service-config';

const valid = {
  PORT: '3002',
  DATABASE_URL: 'postgres://vax:secret@127.0.0.1:5432/injections',
  KAFKA_BROKERS: '127.0.0.1:9092',
  ACTOR_TOKEN_TRUSTED_KEYS: JSON.stringify({
    portal: { kty: 'OKP', crv: 'Ed25519', x: 'uhX-86fFYU-FqIXKnxhxlq4e97OXcXqHxGAAAZnQsYQ', kid: 'portal-1' },
  }),
};

function problems(env: Record<string, string>) {
  try {
    loadConfig('injections', BackendServiceConfig, env);
  } catch (e) {
    if (e instanceof InvalidConfigurationError) return e.problems;
    throw e;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('the EVENT_STORE setting', () => {
  it('defaults to postgres, and takes kurrentdb with its address', () => {
    expect(loadConfig('injections', BackendServiceConfig, valid).EVENT_STORE).toBe('postgres');
    const kurrent = { ...valid, EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false' };
    expect(loadConfig('injections', BackendServiceConfig, kurrent)).toMatchObject({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false',
    });
  });

  it('refuses an unknown store, and kurrentdb without an address, naming the setting and the rule', () => {
    expect(problems({ ...valid, EVENT_STORE: 'mongodb' })).toEqual([
      { setting: 'EVENT_STORE', rules: ['must be one of postgres, kurrentdb'] },
    ]);
    expect(problems({ ...valid, EVENT_STORE: 'kurrentdb' })).toEqual([
      {
        setting: 'KURRENTDB_URL',
        rules: expect.arrayContaining(['is required with EVENT_STORE=kurrentdb (kurrentdb://host:2113?tls=false)']),
      },
    ]);
    expect(problems({ ...valid, EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://x' })[0].setting).toBe(
      'KURRENTDB_URL',
    );
  });
});
