import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  ServiceProcess,
  TEST_KEY_SETTINGS,
  createTestDatabase,
  testInfrastructure,
  type TestDatabase,
} from '@vax/testing';

// HTTP_WORKERS=2: two processes serve one port; the pair starts, answers and stops as one service.
describe('a service run as several HTTP processes (real PostgreSQL and Kafka)', () => {
  let db: TestDatabase;
  let service: ServiceProcess;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_workers');
    service = new ServiceProcess(
      'injections',
      'services/injections/src/main.js',
      {
        PORT: '5090',
        HTTP_WORKERS: '2',
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
        KAFKA_CONSUMER_GROUP: `injections-workers-${randomBytes(3).toString('hex')}`,
        ACTOR_TOKEN_TRUSTED_KEYS: TEST_KEY_SETTINGS.ACTOR_TOKEN_TRUSTED_KEYS,
      },
      'http-workers-injections',
    ).start();
    await service.ready();
  }, 120_000);
  afterAll(async () => {
    service?.kill();
    await db?.drop();
  });

  it('serves from two worker processes under one supervisor, and stops cleanly on SIGTERM', async () => {
    const workers = execFileSync('pgrep', ['-P', String(service.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(workers).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(service.url('/health/ready'))));
    expect(answers.every((r) => r.ok)).toBe(true);
    expect(await service.stop()).toBe(0);
    const left = spawnSync('pgrep', ['-P', String(service.pid)]);
    expect(left.status).toBe(1); // no worker outlives the service
  }, 60_000);
});
