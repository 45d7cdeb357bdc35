import type { Actor } from '@vax/event-sourcing';
import { type KeysetPage, type TemporalConnection, temporalClientInterceptors } from '@vax/platform';
import { Client, QueryNotRegisteredError, WorkflowNotFoundError } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import type { campaignWorkflow } from '../workflows/campaign.workflow';
import {
  type CampaignProgress,
  campaignWorkflowId,
  cancelSignal,
  changesSubmittedSignal,
  pauseSignal,
  progressQuery,
  resumeSignal,
  retryFailedStepSignal,
} from '../workflows/campaign.messages';
import type { CampaignListing, CampaignRecord, CampaignsRepository } from './campaigns.repository';

export class CampaignRefused extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'CampaignRefused';
  }
}

export interface CampaignSettings {
  taskQueue: string;
  chunkSize: number;
  maxInFlight: number;
  worklistDueDays: number;
  /** How long a progress query may wait for a worker. */
  queryTimeoutMs?: number;
}

/** Starts campaigns as workflows and passes managers' and sites' requests to them. */
export class CampaignService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly temporal: TemporalConnection,
    private readonly settings: CampaignSettings,
  ) {}

  async start(
    request: { name: string; importIds: string[]; deadline: string; worklistDueDays?: number },
    actor: Actor,
  ) {
    const importIds = [...new Set(request.importIds)];
    const finished = new Set(await this.campaigns.finishedImports(importIds));
    const missing = importIds.filter((id) => !finished.has(id));
    if (missing.length > 0)
      throw new CampaignRefused('importIds', 'finishedImport', `not imported completely: ${missing.join(', ')}`);
    const campaign: CampaignRecord = {
      campaignId: `cmp-${randomBytes(5).toString('hex')}`,
      name: request.name,
      importIds,
      deadline: request.deadline,
      worklistDueDays: request.worklistDueDays ?? this.settings.worklistDueDays,
      status: 'running',
      createdBy: actor.id,
    };
    await this.campaigns.create(campaign);
    await (
      await this.client()
    ).workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
      workflowId: campaignWorkflowId(campaign.campaignId),
      taskQueue: this.settings.taskQueue,
      args: [
        {
          campaignId: campaign.campaignId,
          chunkSize: this.settings.chunkSize,
          maxInFlight: this.settings.maxInFlight,
          deadline: campaign.deadline,
        },
      ],
    });
    return campaign;
  }

  list(page?: KeysetPage): Promise<{ items: CampaignListing[]; nextCursor: string | null }> {
    return this.campaigns.list(page);
  }

  find(campaignId: string): Promise<CampaignRecord | undefined> {
    return this.campaigns.find(campaignId);
  }

  /**
   * The campaign as recorded, with its workflow's live progress when the workflow answers. A query
   * needs a worker: without one within a few seconds, the record alone (progress null) rather than a
   * request hanging on Temporal.
   */
  async status(campaignId: string): Promise<(CampaignRecord & { progress: CampaignProgress | null }) | undefined> {
    const campaign = await this.campaigns.find(campaignId);
    if (!campaign) return undefined;
    const handle = (await this.client()).workflow.getHandle(campaignWorkflowId(campaignId));
    let timer: NodeJS.Timeout | undefined;
    const progress = await Promise.race([
      handle.query(progressQuery).catch((error: unknown) => {
        if (error instanceof WorkflowNotFoundError || error instanceof QueryNotRegisteredError) return null;
        throw error;
      }),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.settings.queryTimeoutMs ?? 3_000))),
    ]).finally(() => clearTimeout(timer));
    return { ...campaign, progress };
  }

  async signal(
    campaignId: string,
    what: 'pause' | 'resume' | 'retry' | 'cancel' | 'changes',
    reason = '',
  ): Promise<boolean> {
    if (!(await this.campaigns.find(campaignId))) return false;
    const handle = (await this.client()).workflow.getHandle(campaignWorkflowId(campaignId));
    if (what === 'pause') await handle.signal(pauseSignal);
    else if (what === 'resume') await handle.signal(resumeSignal);
    else if (what === 'retry') await handle.signal(retryFailedStepSignal);
    else if (what === 'cancel') await handle.signal(cancelSignal, { reason });
    else await handle.signal(changesSubmittedSignal);
    return true;
  }

  private async client(): Promise<Client> {
    return new Client({
      connection: await this.temporal.get(),
      namespace: this.temporal.namespace,
      interceptors: temporalClientInterceptors(),
    });
  }
}
