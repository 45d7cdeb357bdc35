import { Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { testInfrastructure } from '@vax/testing';
import { kafkaFor } from '../kafka/kafka.tokens';
import { kafkaProbe, postgresProbe, temporalProbe } from './dependency-checks';

// A port nothing listens on: what a stopped dependency looks like to a probe.
const DEAD = '127.0.0.1:1';

describe('readiness probes against the real dependencies', () => {
  const infra = testInfrastructure();

  it('PostgreSQL: up when the server answers, down with the reason when it does not', async () => {
    const live = new Pool({ connectionString: infra.postgresAdminUrl });
    const dead = new Pool({ connectionString: `postgres://vax:x@${DEAD}/postgres`, connectionTimeoutMillis: 1_000 });
    try {
      await expect(postgresProbe(live)()).resolves.toBeUndefined();
      await expect(postgresProbe(dead)()).rejects.toThrow(/ECONNREFUSED|connect/);
    } finally {
      await Promise.all([live.end(), dead.end()]);
    }
  });

  it('Kafka: up when the broker describes its cluster, down when no broker answers', async () => {
    await expect(kafkaProbe(kafkaFor('probe-test', infra.kafkaBrokers))()).resolves.toBeUndefined();
    await expect(kafkaProbe(kafkaFor('probe-test', [DEAD]))()).rejects.toThrow();
  });

  it('Temporal: up when the frontend answers, down when it does not', async () => {
    const connection = Connection.connect({ address: infra.temporalAddress });
    try {
      await expect(temporalProbe(() => connection)()).resolves.toBeUndefined();
      // Not a real connection to a dead address: the SDK leaves a retry timer behind that fires after the
      // channel is closed and fails whichever test file runs next. A connection that never comes is the same case.
      await expect(temporalProbe(() => new Promise<never>(() => undefined), 300)()).rejects.toThrow();
    } finally {
      await (await connection).close();
    }
  });
});
