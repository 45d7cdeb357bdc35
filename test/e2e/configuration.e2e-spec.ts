import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, TEST_KEY_SETTINGS } from '@vax/testing';

function startWith(entry: string, env: Record<string, string>) {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', entry)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stderr: run.stderr };
}

describe('start-up configuration', () => {
  it('stops a service with no settings, naming every missing one (exit code 78)', () => {
    const { code, stderr } = startWith('services/identity/src/main.js', {});
    expect(code).toBe(78);
    expect(stderr).toContain('identity: invalid configuration, start-up stopped');
    for (const setting of ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'ACTOR_TOKEN_TRUSTED_KEYS'])
      expect(stderr).toContain(`- ${setting}:`);
  });

  it('stops the complaints worker on a bad setting, naming it and its rule but not the secret around it', () => {
    const { code, stderr } = startWith('services/complaints/src/worker.main.js', {
      PORT: '4999',
      DATABASE_URL: 'postgres://vax:s3cret-pw@127.0.0.1:5432/complaints',
      KAFKA_BROKERS: '127.0.0.1:9092',
      TEMPORAL_ADDRESS: 'not an address',
      ACTOR_TOKEN_TRUSTED_KEYS: TEST_KEY_SETTINGS.ACTOR_TOKEN_TRUSTED_KEYS,
      ACTOR_TOKEN_PRIVATE_KEY: TEST_KEY_SETTINGS.WORKER_PRIVATE_KEY,
    });
    expect(code).toBe(78);
    expect(stderr).toContain('- TEMPORAL_ADDRESS: must be host:port');
    expect(stderr).not.toContain('s3cret-pw');
  });

  it('stops the portal when an upstream URL is not a URL', () => {
    const { code, stderr } = startWith('services/portal/src/main.js', {
      PORT: '4998',
      DATABASE_URL: 'postgres://vax:x@127.0.0.1:5432/portal',
      IDENTITY_URL: 'identity',
      INJECTIONS_URL: 'http://127.0.0.1:3002',
      COMPLAINTS_URL: 'http://127.0.0.1:3003',
      CERTIFICATION_URL: 'http://127.0.0.1:3004',
      CAMPAIGN_URL: 'http://127.0.0.1:3006',
      ACTOR_TOKEN_PRIVATE_KEY: TEST_KEY_SETTINGS.PORTAL_PRIVATE_KEY,
      CODE_HASH_SECRET: TEST_KEY_SETTINGS.CODE_HASH_SECRET,
    });
    expect(code).toBe(78);
    expect(stderr).toContain('- IDENTITY_URL: must be the http(s) base URL of the service');
  });
});
