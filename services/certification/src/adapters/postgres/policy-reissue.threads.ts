import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReissueTally } from './policy-reissue';
import type { ReissueThreadData } from './policy-reissue.worker';

/**
 * Drains the current policy's partitions with `threads` worker threads (signing is CPU work: one
 * thread uses one core); the replicas of the service do the same from their own processes.
 * Runs from compiled JavaScript (dist/), where the worker's file sits beside this one.
 */
export async function drainWithThreads(
  threads: number,
  data: Omit<ReissueThreadData, 'owner'> & { owner: string },
): Promise<ReissueTally> {
  const runs = Array.from({ length: threads }, (_, i) => drainInThread({ ...data, owner: `${data.owner}/${i}` }));
  const tallies = await Promise.all(runs);
  return tallies.reduce(
    (sum, t) => ({
      partitions: sum.partitions + t.partitions,
      people: sum.people + t.people,
      changed: sum.changed + t.changed,
    }),
    { partitions: 0, people: 0, changed: 0 },
  );
}

function drainInThread(data: ReissueThreadData): Promise<ReissueTally> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'policy-reissue.worker.js'), { workerData: data });
    worker.once('message', (m: { tally?: ReissueTally; error?: string }) =>
      m.tally ? resolve(m.tally) : reject(new Error(`a reissue thread failed: ${m.error}`)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`a reissue thread exited with ${code}`)));
  });
}
