import { existsSync } from 'node:fs';
import { startLocalProcesses } from './local-processes';
import type { TestInfrastructure } from './test-infrastructure';

export type { TestInfrastructure } from './test-infrastructure';

export const ENV = {
  postgres: 'VAX_TEST_POSTGRES_URL',
  kafka: 'VAX_TEST_KAFKA_BROKERS',
  temporal: 'VAX_TEST_TEMPORAL_ADDRESS',
} as const;

export function dockerAvailable(): boolean {
  if (process.env.VAX_TEST_NO_DOCKER === 'true') return false;
  return !!process.env.DOCKER_HOST || existsSync('/var/run/docker.sock');
}

/**
 * Finds Kafka, PostgreSQL and Temporal in this order: addresses given in the environment (all three);
 * testcontainers where a Docker engine is reachable; otherwise the project's local processes
 * (deploy/local/infra.sh), installed and started as needed. Never an in-memory stand-in.
 */
export async function resolveInfrastructure(log: (line: string) => void): Promise<TestInfrastructure> {
  const given = [process.env[ENV.postgres], process.env[ENV.kafka], process.env[ENV.temporal]];
  if (given.every(Boolean)) {
    log(`test infrastructure: from the environment (${Object.values(ENV).join(', ')})`);
    return {
      postgresAdminUrl: given[0]!,
      kafkaBrokers: given[1]!.split(','),
      temporalAddress: given[2]!,
      source: 'environment',
      stop: async () => undefined,
    };
  }
  if (given.some(Boolean)) {
    throw new Error(`set all of ${Object.values(ENV).join(', ')} or none of them`);
  }
  if (dockerAvailable()) {
    log('test infrastructure: Docker found, starting testcontainers');
    const { startContainers } = await import('./containers');
    return startContainers();
  }
  log('test infrastructure: no Docker engine here, using the local processes of deploy/local/infra.sh');
  return startLocalProcesses();
}

/** Hands the resolved addresses to jest's workers, which inherit the environment of global setup. */
export function exportToEnvironment(infra: TestInfrastructure): void {
  process.env[ENV.postgres] = infra.postgresAdminUrl;
  process.env[ENV.kafka] = infra.kafkaBrokers.join(',');
  process.env[ENV.temporal] = infra.temporalAddress;
  process.env.VAX_TEST_INFRA_SOURCE = infra.source;
}

/** For test files: the addresses global setup resolved. */
export function testInfrastructure(): { postgresAdminUrl: string; kafkaBrokers: string[]; temporalAddress: string } {
  const [postgres, kafka, temporal] = [process.env[ENV.postgres], process.env[ENV.kafka], process.env[ENV.temporal]];
  if (!postgres || !kafka || !temporal) {
    throw new Error('no test infrastructure: run integration and e2e tests through `npm test` (jest global setup)');
  }
  return { postgresAdminUrl: postgres, kafkaBrokers: kafka.split(','), temporalAddress: temporal };
}
