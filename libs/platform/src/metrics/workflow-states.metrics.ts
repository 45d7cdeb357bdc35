import { Client } from '@temporalio/client';
import { Gauge, register } from 'prom-client';
import type { TemporalConnection } from '../temporal.connection';

/**
 * `temporal_workflows{workflow_type, status}` on the default registry (served at /metrics): a
 * service's workflows by state, counted by Temporal's visibility at each scrape. Temporal away:
 * no series, which the process-not-ready alert already says.
 */
export function watchWorkflowStates(temporal: TemporalConnection, workflowType: string): void {
  register.removeSingleMetric('temporal_workflows'); // a module built again in one process (tests)
  new Gauge({
    name: 'temporal_workflows',
    help: 'Workflows by type and state (Temporal visibility)',
    labelNames: ['workflow_type', 'status'],
    async collect() {
      this.reset();
      try {
        const client = new Client({ connection: await temporal.get(), namespace: temporal.namespace });
        const counted = await client.workflow.count(`WorkflowType = '${workflowType}' GROUP BY ExecutionStatus`);
        for (const group of counted.groups) {
          this.set({ workflow_type: workflowType, status: String(group.groupValues[0]) }, group.count);
        }
      } catch {
        // no series this scrape
      }
    },
  });
}
