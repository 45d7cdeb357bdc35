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

  describe('the production profile (NODE_ENV=production) refuses development defaults, naming each', () => {
    const backend = {
      NODE_ENV: 'production',
      PORT: '4997',
      DATABASE_URL: 'postgres://vax:x@127.0.0.1:5432/injections',
      KAFKA_BROKERS: '127.0.0.1:9092',
      ACTOR_TOKEN_TRUSTED_KEYS: TEST_KEY_SETTINGS.ACTOR_TOKEN_TRUSTED_KEYS, // made as development keys
    };

    it('stops a service that trusts development token keys and would sign with a development key', () => {
      const { code, stderr } = startWith('services/injections/src/main.js', backend);
      expect(code).toBe(78);
      expect(stderr).toContain('- ACTOR_TOKEN_TRUSTED_KEYS: trusts development keys (portal, complaints-worker)');
      expect(stderr).toContain('- ATTESTATION_KEY_FILE: is missing (a development key)');
    });

    it('stops certification without its document signer, and complaints on the development outbox', () => {
      const certification = startWith('services/certification/src/main.js', backend);
      expect(certification.code).toBe(78);
      expect(certification.stderr).toContain('- CERTIFICATION_DSC_KEY_FILE: is missing (a development chain)');
      const complaints = startWith('services/complaints/src/main.js', {
        ...backend,
        TEMPORAL_ADDRESS: '127.0.0.1:7233',
        CODE_HASH_SECRET: TEST_KEY_SETTINGS.CODE_HASH_SECRET,
      });
      expect(complaints.code).toBe(78);
      expect(complaints.stderr).toContain('- NOTIFICATIONS: is development (messages kept, never sent)');
    });

    it('stops the portal with a development token key or outbox, and the worker with its development key', () => {
      const portal = startWith('services/portal/src/main.js', {
        NODE_ENV: 'production',
        PORT: '4996',
        DATABASE_URL: 'postgres://vax:x@127.0.0.1:5432/portal',
        IDENTITY_URL: 'http://127.0.0.1:3001',
        INJECTIONS_URL: 'http://127.0.0.1:3002',
        COMPLAINTS_URL: 'http://127.0.0.1:3003',
        CERTIFICATION_URL: 'http://127.0.0.1:3004',
        CAMPAIGN_URL: 'http://127.0.0.1:3006',
        ACTOR_TOKEN_PRIVATE_KEY: TEST_KEY_SETTINGS.PORTAL_PRIVATE_KEY,
        CODE_HASH_SECRET: TEST_KEY_SETTINGS.CODE_HASH_SECRET,
      });
      expect(portal.code).toBe(78);
      expect(portal.stderr).toContain('- ACTOR_TOKEN_PRIVATE_KEY: is a development key (dev-test-portal)');
      expect(portal.stderr).toContain('- NOTIFICATIONS: is development (codes shown on the outbox page)');
      const worker = startWith('services/complaints/src/worker.main.js', {
        ...backend,
        TEMPORAL_ADDRESS: '127.0.0.1:7233',
        ACTOR_TOKEN_PRIVATE_KEY: TEST_KEY_SETTINGS.WORKER_PRIVATE_KEY,
        NOTIFICATIONS: 'sms-gateway',
        SMS_GATEWAY_URL: 'https://sms.example.vn/send',
        SMS_GATEWAY_API_KEY: 'a-gateway-key',
      });
      expect(worker.code).toBe(78);
      expect(worker.stderr).toContain('- ACTOR_TOKEN_PRIVATE_KEY: is a development key (dev-test-complaints-worker)');
      expect(worker.stderr).not.toContain('NOTIFICATIONS');
    });
  });
});
