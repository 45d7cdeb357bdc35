import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ReissueTally } from '../services/certification/src/adapters/postgres/policy-reissue';
import type { ReplicaAnswer, ReplicaOrder } from './certificate-reissue.replica';

/**
 * Drains the current policy's partitions with `replicas` processes, each a replica's reissue
 * (certificate-reissue.replica.ts): what production runs, where the replicas share nothing but the
 * database. Answers the summed tally and the CPU seconds the processes used.
 */
export async function drainWithProcesses(
  replicas: number,
  order: ReplicaOrder,
): Promise<{ tally: ReissueTally; cpuSeconds: number }> {
  const answers = await Promise.all(
    Array.from({ length: replicas }, (_, i) => drainInProcess({ ...order, owner: `${order.owner}/${i}` })),
  );
  return answers.reduce(
    (sum, a) => ({
      tally: {
        partitions: sum.tally.partitions + a.tally.partitions,
        people: sum.tally.people + a.tally.people,
        changed: sum.tally.changed + a.tally.changed,
      },
      cpuSeconds: sum.cpuSeconds + a.cpuSeconds,
    }),
    { tally: { partitions: 0, people: 0, changed: 0 }, cpuSeconds: 0 },
  );
}

function drainInProcess(order: ReplicaOrder): Promise<{ tally: ReissueTally; cpuSeconds: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'certificate-reissue.replica.js'), [], { stdio: 'inherit' });
    child.once('message', (answer: ReplicaAnswer) =>
      answer.tally
        ? resolve({ tally: answer.tally, cpuSeconds: answer.cpuSeconds ?? 0 })
        : reject(new Error(`a reissue replica failed: ${answer.error}`)),
    );
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`a reissue replica exited with ${code}`)));
    child.send(order);
  });
}
