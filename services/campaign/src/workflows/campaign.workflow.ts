import {
  type RetryPolicy,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignActivities, ChunkOutcome } from '../activities/campaign.activities';
import { AttendedSteps } from './campaign-attention';
import { type Chunk, ChunkPlan } from './campaign-chunks';
import {
  type CampaignInput,
  type CampaignProgress,
  cancelSignal,
  changesSubmittedSignal,
  pauseSignal,
  progressQuery,
  resumeSignal,
} from './campaign.messages';

const retry: RetryPolicy = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' };
// A chunk waits for the registry's answer: alive while it heartbeats, however long identity takes.
const { verifyChunk, recheckCorrections } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '6 hours',
  heartbeatTimeout: '1 minute',
  retry,
});
const { describeCampaign, proposeMerges, sendMatchedDoses, openWorklists, closeCampaign } =
  proxyActivities<CampaignActivities>({ startToCloseTimeout: '1 hour', heartbeatTimeout: '1 minute', retry });

/** Past this many history events the run continues as new, so a national campaign's history stays small. */
const HISTORY_LIMIT = 8_000;
/** End of the deadline day in Vietnam (UTC+7). */
const endOfDay = (day: string) => Date.parse(`${day}T16:59:59Z`);

/**
 * One campaign: every chunk of its lists verified in bulk through identity (a window of chunks in
 * flight), then merge proposals, matched doses to the records and worklists for the sites; then it
 * follows up on the sites' corrections until the deadline. Pause holds new work back, cancel stops
 * it; a crashed worker's chunks resume from the history, their activities from the database. A step
 * that fails for good waits for a manager to retry it (or cancel the campaign).
 */
export async function campaignWorkflow(input: CampaignInput): Promise<CampaignProgress> {
  const progress: CampaignProgress = input.carried?.progress ?? initialProgress();
  let changesPending = false;
  let cancelRequested = progress.phase === 'cancelled';
  setHandler(progressQuery, () => progress);
  setHandler(pauseSignal, () => void (progress.paused = true));
  setHandler(resumeSignal, () => void (progress.paused = false));
  setHandler(changesSubmittedSignal, () => void (changesPending = true));
  setHandler(cancelSignal, ({ reason }) => {
    cancelRequested = true;
    progress.cancelReason = reason;
  });
  const runnable = () => !progress.paused || cancelRequested;
  const steps = new AttendedSteps(progress, () => cancelRequested);
  steps.install();

  const described = await steps.run('describeCampaign', () => describeCampaign(input.campaignId));
  const imports = described?.imports ?? [];
  const plan = new ChunkPlan(input.campaignId, imports, input.chunkSize);
  progress.chunksTotal = plan.total;
  let next = input.carried?.nextChunk ?? 0;
  const inFlight = new Map<number, Promise<void>>();
  const launch = (index: number, chunk: Chunk) =>
    inFlight.set(
      index,
      steps
        .run(`verifyChunk:${chunk.batchId}`, () => verifyChunk(chunk))
        .then((outcome) => {
          if (outcome) {
            add(progress, outcome);
            progress.chunksDone++;
          }
          inFlight.delete(index);
        }),
    );
  while (progress.phase === 'verifying' && (next < plan.total || inFlight.size > 0)) {
    await condition(runnable);
    const historyFull = workflowInfo().historyLength > HISTORY_LIMIT;
    while (
      !cancelRequested &&
      !progress.paused &&
      !historyFull &&
      inFlight.size < input.maxInFlight &&
      next < plan.total
    )
      launch(next, plan.at(next++));
    if (inFlight.size > 0) await Promise.race(inFlight.values());
    else if (cancelRequested) break;
    else if (historyFull)
      await continueAsNew<typeof campaignWorkflow>({ ...input, carried: { nextChunk: next, progress } });
  }

  if (!cancelRequested) {
    progress.phase = 'settling';
    await settle(steps, input.campaignId, progress);
    progress.phase = 'following-up';
    const deadline = endOfDay(input.deadline);
    while (!cancelRequested) {
      const left = deadline - new Date().getTime();
      if (left <= 0 || !(await condition(() => changesPending || cancelRequested, left))) break;
      await condition(runnable);
      if (cancelRequested) break;
      changesPending = false;
      progress.followUpRounds++;
      const round = progress.followUpRounds;
      progress.rechecked +=
        (await steps.run('recheckCorrections', () => recheckCorrections(input.campaignId, round)))?.rechecked ?? 0;
      await settle(steps, input.campaignId, progress);
    }
  }
  progress.phase = cancelRequested ? 'cancelled' : 'closed';
  const closing = progress.phase;
  await steps.run('closeCampaign', () => closeCampaign(input.campaignId, closing));
  return progress;
}

/** What follows verification, and each round of corrections: proposals, then doses, then worklists. */
async function settle(steps: AttendedSteps, campaignId: string, progress: CampaignProgress): Promise<void> {
  progress.mergeProposals += (await steps.run('proposeMerges', () => proposeMerges(campaignId))) ?? 0;
  progress.dosesSent += (await steps.run('sendMatchedDoses', () => sendMatchedDoses(campaignId))) ?? 0;
  progress.worklistItems += (await steps.run('openWorklists', () => openWorklists(campaignId))) ?? 0;
}

function add(progress: CampaignProgress, outcome: ChunkOutcome): void {
  progress.sent += outcome.sent;
  progress.matched += outcome.matched;
  progress.mismatched += outcome.mismatched;
  progress.notFound += outcome.notFound;
  progress.ambiguous += outcome.ambiguous;
  progress.invalidId += outcome.invalidId;
  progress.rejected += outcome.rejected;
}

function initialProgress(): CampaignProgress {
  return {
    phase: 'verifying',
    paused: false,
    chunksTotal: 0,
    chunksDone: 0,
    sent: 0,
    matched: 0,
    mismatched: 0,
    notFound: 0,
    ambiguous: 0,
    invalidId: 0,
    rejected: 0,
    mergeProposals: 0,
    dosesSent: 0,
    worklistItems: 0,
    rechecked: 0,
    followUpRounds: 0,
  };
}
