import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { eventually, recordHistoryFixture, timeSkippingServerExecutable } from '@vax/testing';
import { campaignWorkflow } from './campaign.workflow';
import {
  type CampaignInput,
  cancelSignal,
  changesSubmittedSignal,
  pauseSignal,
  progressQuery,
  resumeSignal,
} from './campaign.messages';
import { FakeCampaignActivities } from '../activities/fake-campaign.activities.spec-fixtures';

// On Temporal's Java time-skipping server, with the real workflows folder bundled and activities
// that do no I/O: the deadline weeks away passes in moments.
describe('campaign workflow', () => {
  let env: TestWorkflowEnvironment;
  let run = 0;
  // The test server's clock moves on with each test's skipped deadline: every campaign is due a month after its start.
  const input = async (over: Partial<CampaignInput> = {}): Promise<CampaignInput> => ({
    campaignId: `c${++run}`,
    chunkSize: 100,
    maxInFlight: 3,
    deadline: new Date((await env.currentTimeMs()) + 30 * 86_400_000).toISOString().slice(0, 10),
    ...over,
  });
  // No workflow cache: a stopped worker's sticky queue would hold the workflow's tasks on the test server.
  const worker = (fake: FakeCampaignActivities, taskQueue: string) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./index'),
      activities: fake.activities(),
      maxCachedWorkflows: 0,
    });
  const start = (i: CampaignInput, taskQueue: string) =>
    env.client.workflow.start(campaignWorkflow, { args: [i], workflowId: `campaign-${i.campaignId}`, taskQueue });
  /** With VAX_RECORD_HISTORIES=1, the run's history becomes a replay fixture (histories/<name>.json). */
  const record = (name: string, handle: WorkflowHandle) =>
    recordHistoryFixture(join(__dirname, 'histories', `${name}.json`), () => handle.fetchHistory());

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: timeSkippingServerExecutable() } },
    });
  }, 180_000);
  afterAll(() => env?.teardown());

  it('verifies every chunk of every list, settles, follows up to the deadline and reports progress', async () => {
    const fake = new FakeCampaignActivities();
    const w = await worker(fake, 'campaign-progress');
    const handle = await start(await input(), 'campaign-progress');
    const progress = await w.runUntil(handle.result());
    await record('verify-settle-follow-up-close', handle);
    expect(new Set(fake.chunksVerified).size).toBe(11); // 1,000 rows in chunks of 100, and one of 50
    expect(fake.chunksVerified).toContain('c1:i2:0');
    expect(progress).toMatchObject({ phase: 'closed', chunksTotal: 11, chunksDone: 11, sent: 1_028, matched: 984 });
    expect(progress).toMatchObject({ mergeProposals: 2, dosesSent: 5, worklistItems: 3, followUpRounds: 0 });
    expect(fake.closed).toEqual(['closed']);
  }, 120_000);

  it('checks corrected rows again when sites submit changes, then waits for more until the deadline', async () => {
    const fake = new FakeCampaignActivities();
    fake.holdChunk = (chunk) => chunk.batchId.endsWith('i2:0');
    const w = await worker(fake, 'campaign-follow-up');
    await w.runUntil(async () => {
      const handle = await start(await input(), 'campaign-follow-up');
      await eventually(async () => expect(fake.chunksStarted).toContain(`c${run}:i2:0`));
      await handle.signal(changesSubmittedSignal); // sites corrected rows while the pass was still running
      fake.release(`c${run}:i2:0`);
      const progress = await handle.result();
      expect(progress).toMatchObject({ phase: 'closed', followUpRounds: 1, rechecked: 4 });
      expect(progress).toMatchObject({ mergeProposals: 4, dosesSent: 10, worklistItems: 6 }); // settled twice
      await record('changes-submitted-during-pass', handle);
    });
    expect(fake.rechecks).toEqual([1]);
  }, 120_000);

  it('starts no new chunk while paused, and finishes after resume', async () => {
    const fake = new FakeCampaignActivities();
    fake.holdChunk = (chunk) => chunk.batchId.endsWith('i1:0');
    const w = await worker(fake, 'campaign-pause');
    await w.runUntil(async () => {
      const handle = await start(await input({ maxInFlight: 1 }), 'campaign-pause');
      await eventually(async () => expect(fake.chunksStarted).toHaveLength(1));
      await handle.signal(pauseSignal);
      fake.release(fake.chunksStarted[0]);
      await eventually(async () =>
        expect(await handle.query(progressQuery)).toMatchObject({ paused: true, chunksDone: 1 }),
      );
      // The task that took the chunk's result is complete (the query saw it) and scheduled nothing:
      // the workflow waits for a resume, with no task pending that could start a chunk.
      const events = (await handle.fetchHistory()).events ?? [];
      expect(chunksScheduled(events)).toBe(1);
      expect(events.at(-1)?.eventType).toBe(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
      expect(fake.chunksStarted).toHaveLength(1);
      await handle.signal(resumeSignal);
      expect(await handle.result()).toMatchObject({ phase: 'closed', chunksDone: 11, paused: false });
      await record('pause-resume', handle);
    });
  }, 120_000);

  it('stops on cancel: chunks in flight finish, nothing new starts, the campaign closes as cancelled', async () => {
    const fake = new FakeCampaignActivities();
    fake.holdChunk = () => true;
    const w = await worker(fake, 'campaign-cancel');
    await w.runUntil(async () => {
      const handle = await start(await input({ maxInFlight: 2 }), 'campaign-cancel');
      await eventually(async () => expect(fake.chunksStarted).toHaveLength(2));
      await handle.signal(cancelSignal, { reason: 'the lists are being replaced' });
      fake.chunksStarted.forEach((batchId) => fake.release(batchId));
      const progress = await handle.result();
      expect(progress).toMatchObject({
        phase: 'cancelled',
        chunksDone: 2,
        cancelReason: 'the lists are being replaced',
      });
      await record('cancel', handle);
    });
    expect(fake.chunksStarted).toHaveLength(2);
    expect(fake.closed).toEqual(['cancelled']);
  }, 120_000);

  it('resumes after its worker stops: finished chunks are not run again, the cut-off one is retried', async () => {
    const first = new FakeCampaignActivities();
    first.holdChunk = (chunk) => chunk.batchId.endsWith('i1:3');
    const i = await input({ maxInFlight: 1 });
    const handle = await start(i, 'campaign-restart');
    const w1 = await worker(first, 'campaign-restart');
    await w1.runUntil(eventually(async () => expect(first.chunksStarted).toContain(`${i.campaignId}:i1:3`)));
    expect(first.chunksVerified.slice(0, 3)).toEqual(['i1:0', 'i1:1', 'i1:2'].map((c) => `${i.campaignId}:${c}`));

    const second = new FakeCampaignActivities();
    const w2 = await worker(second, 'campaign-restart');
    const progress = await w2.runUntil(handle.result());
    expect(second.chunksVerified).not.toContain(`${i.campaignId}:i1:0`);
    expect(second.chunksVerified[0]).toBe(`${i.campaignId}:i1:3`);
    expect(progress).toMatchObject({ phase: 'closed', chunksDone: 11 });
    await record('worker-restart', handle);
  }, 180_000);
});

const { EventType } = temporal.api.enums.v1;
const chunksScheduled = (events: temporal.api.history.v1.IHistoryEvent[]) =>
  events.filter(
    (e) =>
      e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED &&
      e.activityTaskScheduledEventAttributes?.activityType?.name === 'verifyChunk',
  ).length;
