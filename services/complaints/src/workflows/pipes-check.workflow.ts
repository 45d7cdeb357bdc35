import { proxyActivities } from '@temporalio/workflow';
import type { PipesCheckActivities } from '../activities/pipes-check.activities';

const { echo } = proxyActivities<PipesCheckActivities>({ startToCloseTimeout: '10 seconds' });

/** The smallest real workflow: one activity on the complaints worker, proving the Temporal path works end to end. */
export async function pipesCheckWorkflow(message: string): Promise<string> {
  return echo(message);
}
