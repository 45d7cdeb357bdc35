import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KafkaContainer } from '@testcontainers/kafka';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { GenericContainer, Wait } from 'testcontainers';
import type { TestInfrastructure } from './test-infrastructure';
import { REPO_ROOT } from './repo-root';
import { postgresServerFlags } from './postgres-server-settings';

/** The images docker-compose.yml runs, so tests and the Docker stack use the same versions. */
function composeImage(service: string): string {
  const compose = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
  const match = new RegExp(`^  ${service}:\\n(?:    .*\\n)*?    image: (\\S+)`, 'm').exec(compose);
  if (!match) throw new Error(`docker-compose.yml has no image for ${service}`);
  return match[1];
}

export async function startContainers(): Promise<TestInfrastructure> {
  const [postgres, kafka, temporal] = await Promise.all([
    new PostgreSqlContainer(composeImage('postgres'))
      .withUsername('vax')
      .withPassword('vax-local-only')
      .withCommand(['postgres', ...postgresServerFlags()])
      .start(),
    new KafkaContainer(composeImage('kafka')).withKraft().start(),
    new GenericContainer(composeImage('temporal'))
      .withCommand(['server', 'start-dev', '--ip', '0.0.0.0', '--headless'])
      .withExposedPorts(7233)
      .withWaitStrategy(Wait.forListeningPorts())
      .start(),
  ]);
  return {
    postgresAdminUrl: `postgres://vax:vax-local-only@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`,
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    temporalAddress: `${temporal.getHost()}:${temporal.getMappedPort(7233)}`,
    source: 'testcontainers',
    stop: async () => {
      await Promise.all([postgres.stop(), kafka.stop(), temporal.stop()]);
    },
  };
}

/** KurrentDB / EventStoreDB for the event-store contract, where Docker exists. */
export async function startEventStoreDbContainer(): Promise<{ url: string; stop(): Promise<void> }> {
  const container = await new GenericContainer(composeImage('eventstoredb'))
    .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_MEM_DB: 'true' })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113))
    .start();
  return {
    url: `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: async () => {
      await container.stop();
    },
  };
}
