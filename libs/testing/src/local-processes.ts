import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestInfrastructure } from './test-infrastructure';

import { REPO_ROOT } from './repo-root';
export const INFRA_SCRIPT = join(REPO_ROOT, 'deploy/local/infra.sh');

/** The same local stack a developer runs, brought up (idempotently) by the project's own script. */
export async function startLocalProcesses(): Promise<TestInfrastructure> {
  execFileSync(INFRA_SCRIPT, ['up'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TEMPORAL_HEADLESS: 'true' },
  });
  const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  return {
    postgresAdminUrl: `postgres://vax:vax-local-only@127.0.0.1:${port('POSTGRES_PORT', 5432)}/postgres`,
    kafkaBrokers: [`127.0.0.1:${port('KAFKA_PORT', 9092)}`],
    temporalAddress: `127.0.0.1:${port('TEMPORAL_PORT', 7233)}`,
    source: 'local-processes',
    // Left running: the next run reuses it, and `npm test` stops what it started.
    stop: async () => undefined,
  };
}
