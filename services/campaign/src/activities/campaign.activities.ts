import { ApplicationFailure, Context } from '@temporalio/activity';
import { withClassifiedFailures } from '@vax/platform';
import type { MessageSink } from '@vax/messaging';
import type { CampaignsRepository } from '../adapters/postgres/campaigns.repository';
import type { DoseQueueRepository } from '../adapters/postgres/dose-queue.repository';
import type { MergesRepository } from '../adapters/postgres/merges.repository';
import { bulkRequest, doseMatched } from '../application/outgoing-messages';
import type { VerificationRepository } from '../adapters/postgres/verification.repository';
import type { WorklistsRepository } from '../adapters/postgres/worklists.repository';
import { type DuplicatePolicy, proposeMerges } from '../domain/duplicates/duplicate-detection';
import { dueOn } from '../domain/worklists/worklist-item';
import type { ClassCounts } from '../workflows/campaign.messages';
import type { Chunk, ImportExtent } from '../workflows/campaign-chunks';

export type ChunkOutcome = ClassCounts;

export interface CampaignActivities {
  describeCampaign(campaignId: string): Promise<{ imports: ImportExtent[] }>;
  /** Sends a chunk to identity (once per batch id) and waits, heartbeating, for its answers to be stored. */
  verifyChunk(chunk: Chunk): Promise<ChunkOutcome>;
  proposeMerges(campaignId: string): Promise<number>;
  sendMatchedDoses(campaignId: string): Promise<number>;
  openWorklists(campaignId: string): Promise<number>;
  recheckCorrections(campaignId: string, round: number): Promise<{ rechecked: number }>;
  closeCampaign(campaignId: string, status: 'closed' | 'cancelled'): Promise<void>;
}

export interface CampaignActivityDependencies {
  campaigns: CampaignsRepository;
  verification: VerificationRepository;
  merges: MergesRepository;
  doses: DoseQueueRepository;
  worklists: WorklistsRepository;
  sink: MessageSink;
  duplicatePolicy: DuplicatePolicy;
  /** How often a waiting chunk looks at the results table, and when it sends its request again. */
  pollEveryMs: number;
  resendAfterMs: number;
  recheckBatchSize: number;
  dosePageSize: number;
  today: () => string;
  clock?: () => Date;
}

/** Heartbeats while a long statement runs, so a slow query over a million rows is not taken for a dead worker. */
async function heartbeating<T>(work: Promise<T>): Promise<T> {
  const timer = setInterval(() => Context.current().heartbeat(), 5_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/**
 * The campaign's activities, built from their dependencies; each is idempotent for the same arguments.
 * Their errors are classified: one retrying cannot mend (a constraint, a message breaking its contract,
 * a campaign gone) fails at once and the workflow waits for a manager; transient ones are retried.
 */
export function createCampaignActivities(deps: CampaignActivityDependencies): CampaignActivities {
  return withClassifiedFailures({ ...campaignActivities(deps) });
}

function campaignActivities(deps: CampaignActivityDependencies): CampaignActivities {
  const clock = deps.clock ?? (() => new Date());

  /** Publishes, then polls the durable results until the batch is complete; the heartbeat keeps the activity alive. */
  async function sendAndAwait(campaignId: string, chunk: Chunk, records: Parameters<typeof bulkRequest>[2]) {
    await deps.verification.openBatch(chunk, records.length);
    let sentAt = 0;
    for (;;) {
      if (await deps.verification.isCompleted(chunk.batchId)) return;
      if (Date.now() - sentAt >= deps.resendAfterMs) {
        await deps.sink.publish([bulkRequest(campaignId, chunk.batchId, records, clock())]);
        sentAt = Date.now();
      }
      Context.current().heartbeat();
      await Context.current().sleep(deps.pollEveryMs);
    }
  }

  return {
    async describeCampaign(campaignId) {
      return { imports: await deps.campaigns.extents(campaignId) };
    },

    async verifyChunk(chunk) {
      if (!(await deps.verification.isCompleted(chunk.batchId))) {
        const records = await deps.verification.rowsOfChunk(chunk);
        if (records.length > 0) await sendAndAwait(chunk.campaignId, chunk, records);
      }
      return deps.verification.outcomeOfChunk(chunk);
    },

    async proposeMerges(campaignId) {
      await heartbeating(deps.verification.analyze()); // settling starts: the answers just arrived by the million
      const groups = await heartbeating(deps.merges.candidateGroups(campaignId, deps.duplicatePolicy));
      const proposals = groups.flatMap((g) => proposeMerges(g, deps.duplicatePolicy));
      return heartbeating(deps.merges.saveProposals(campaignId, proposals));
    },

    async sendMatchedDoses(campaignId) {
      if ((await heartbeating(deps.doses.queueMatched(campaignId))) > 0) await deps.verification.analyze();
      let sent = 0;
      for (;;) {
        const page = await deps.doses.nextPage(campaignId, deps.dosePageSize);
        if (page.length === 0) return sent;
        const at = clock();
        await deps.sink.publish(page.map(({ seq: _seq, ...dose }) => doseMatched(dose, at)));
        await deps.doses.markSent(page.map((d) => d.doseId));
        sent += page.length;
        Context.current().heartbeat(sent);
      }
    },

    async openWorklists(campaignId) {
      const campaign = await deps.campaigns.find(campaignId);
      if (!campaign) throw ApplicationFailure.nonRetryable(`no campaign ${campaignId}`, 'CampaignMissing');
      const due = dueOn(deps.today(), campaign.worklistDueDays, campaign.deadline);
      return heartbeating(deps.worklists.openForRows(campaignId, campaign.importIds, due));
    },

    async recheckCorrections(campaignId, round) {
      let rechecked = 0;
      for (let k = 0; ; k++) {
        const batchId = `${campaignId}:recheck:${round}:${k}`;
        const records = await deps.verification.rowsOfRecheck(campaignId, batchId, deps.recheckBatchSize);
        if (records.length === 0) return { rechecked };
        const chunk = { campaignId, batchId, importId: '(corrections)', firstRow: 0, lastRow: 0 };
        await sendAndAwait(campaignId, chunk, records);
        await deps.worklists.settleRechecked(campaignId, batchId);
        rechecked += records.length;
      }
    },

    async closeCampaign(campaignId, status) {
      await deps.campaigns.close(campaignId, status);
    },
  };
}
