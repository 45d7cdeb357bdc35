import { Connection } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';

/** A dependency probe: resolves when the dependency answers, rejects with the reason otherwise. */
export type DependencyProbe = () => Promise<void>;

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });

export function postgresProbe(pool: Pool, timeoutMs = 2_000): DependencyProbe {
  return async () => {
    await withTimeout(pool.query('select 1'), timeoutMs, 'postgres');
  };
}

/** A fresh admin connection each time: a broker that went away and came back is seen as it is now. */
export function kafkaProbe(kafka: Kafka, timeoutMs = 3_000): DependencyProbe {
  return async () => {
    const admin = kafka.admin();
    try {
      await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        timeoutMs,
        'kafka',
      );
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  };
}

export function temporalProbe(connection: () => Promise<Connection>, timeoutMs = 2_000): DependencyProbe {
  return async () => {
    const conn = await withTimeout(connection(), timeoutMs, 'temporal');
    await conn.withDeadline(Date.now() + timeoutMs, () => conn.workflowService.getSystemInfo({}));
  };
}
