import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { timeSkippingServerExecutable } from '@vax/testing';
import { createPipesCheckActivities } from '../activities/pipes-check.activities';
import { pipesCheckWorkflow } from './pipes-check.workflow';

// Runs on Temporal's Java time-skipping test server, and bundles the real workflows folder:
// a workflow that imports something the sandbox cannot load fails here.
describe('pipes-check workflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') }); // the worker's INFO lines would drown the test output
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: timeSkippingServerExecutable() } },
    });
  }, 180_000);
  afterAll(() => env?.teardown());

  it('completes with the activity result', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'pipes-check-test',
      workflowsPath: require.resolve('./index'),
      activities: createPipesCheckActivities('test-worker'),
    });
    const result = await worker.runUntil(
      env.client.workflow.execute(pipesCheckWorkflow, {
        args: ['ping'],
        workflowId: 'pipes-check-1',
        taskQueue: 'pipes-check-test',
      }),
    );
    expect(result).toBe('ping (handled by test-worker, attempt 1)');
  }, 120_000);
});
