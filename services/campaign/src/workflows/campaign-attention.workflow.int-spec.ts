import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { withClassifiedFailures } from '@vax/platform';
import { eventually, recordHistoryFixture, timeSkippingServerExecutable } from '@vax/testing';
import { FakeCampaignActivities } from '../activities/fake-campaign.activities.spec-fixtures';
import { campaignWorkflow } from './campaign.workflow';
import { type CampaignInput, cancelSignal, progressQuery, retryFailedStepSignal } from './campaign.messages';

// A campaign step that fails for good, on the time-skipping server: tried once, shown as needing
// attention, then run again when a manager asks, or given up with the campaign.

/** Saving merge proposals hits a unique constraint (as PostgreSQL answers 23505) while `broken`. */
function constraintOnProposals(fake: FakeCampaignActivities) {
  const state = { broken: true, attempts: 0 };
  const real = fake.activities();
  const activities = withClassifiedFailures({
    ...real,
    proposeMerges: async (campaignId: string) => {
      state.attempts += 1;
      if (state.broken) throw Object.assign(new Error('duplicate key (012190004567)'), { code: '23505' });
      return real.proposeMerges(campaignId);
    },
  });
  return { state, activities };
}

describe('campaign workflow, when a step fails for good', () => {
  let env: TestWorkflowEnvironment;
  let run = 0;
  const input = async (): Promise<CampaignInput> => ({
    campaignId: `attention${++run}`,
    chunkSize: 100,
    maxInFlight: 3,
    deadline: new Date((await env.currentTimeMs()) + 30 * 86_400_000).toISOString().slice(0, 10),
  });
  const attentionOf = async (handle: { query: (q: typeof progressQuery) => Promise<{ attention?: unknown }> }) =>
    eventually(async () => {
      const { attention } = await handle.query(progressQuery);
      if (!attention) throw new Error('no attention yet');
      return attention;
    });

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: timeSkippingServerExecutable() } },
    });
  }, 180_000);
  afterAll(() => env?.teardown());

  const runWith = async <T>(
    name: string,
    body: (
      fake: FakeCampaignActivities,
      f: ReturnType<typeof constraintOnProposals>,
      handle: Awaited<ReturnType<typeof env.client.workflow.start<typeof campaignWorkflow>>>,
    ) => Promise<T>,
  ) => {
    const fake = new FakeCampaignActivities();
    const failing = constraintOnProposals(fake);
    const taskQueue = `campaign-${name}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./index'),
      activities: failing.activities,
      maxCachedWorkflows: 0,
    });
    return worker.runUntil(async () => {
      const i = await input();
      const handle = await env.client.workflow.start(campaignWorkflow, {
        args: [i],
        workflowId: `campaign-${i.campaignId}`,
        taskQueue,
      });
      const result = await body(fake, failing, handle);
      await recordHistoryFixture(join(__dirname, 'histories', `${name}.json`), () => handle.fetchHistory());
      return result;
    });
  };

  it('tries the step once, shows it, and runs it again when a manager asks', async () => {
    await runWith('failed-step-retried', async (fake, failing, handle) => {
      expect(await attentionOf(handle)).toEqual({ step: 'proposeMerges', errorType: 'Deterministic:Error:23505' });
      await env.sleep(6 * 3_600_000); // hours pass: no retry
      expect(failing.state.attempts).toBe(1);
      failing.state.broken = false;
      await handle.signal(retryFailedStepSignal);
      const progress = await handle.result();
      expect(progress).toMatchObject({ phase: 'closed', mergeProposals: 2, attention: null });
      expect(failing.state.attempts).toBe(2);
      expect(fake.closed).toEqual(['closed']);
    });
  }, 120_000);

  it('gives the step up when the campaign is cancelled meanwhile, and closes it cancelled', async () => {
    await runWith('failed-step-cancelled', async (fake, failing, handle) => {
      await attentionOf(handle);
      await handle.signal(cancelSignal, { reason: 'the lists are wrong' });
      expect(await handle.result()).toMatchObject({ phase: 'cancelled', attention: null, mergeProposals: 0 });
      expect(failing.state.attempts).toBe(1);
      expect(fake.closed).toEqual(['cancelled']);
    });
  }, 120_000);
});
