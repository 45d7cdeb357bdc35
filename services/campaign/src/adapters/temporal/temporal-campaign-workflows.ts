import { Client, QueryNotRegisteredError, WorkflowNotFoundError } from '@temporalio/client';
import { type TemporalConnection, temporalClientInterceptors } from '@vax/platform';
import { type CampaignRequest, CampaignWorkflows } from '../../application/ports/campaign-workflows.port';
import type { campaignWorkflow } from '../../workflows/campaign.workflow';
import {
  type CampaignInput,
  type CampaignProgress,
  campaignWorkflowId,
  cancelSignal,
  changesSubmittedSignal,
  pauseSignal,
  progressQuery,
  resumeSignal,
  retryFailedStepSignal,
} from '../../workflows/campaign.messages';

/** The campaign workflows on Temporal: started on the campaign task queue, signalled and queried by id. */
export class TemporalCampaignWorkflows extends CampaignWorkflows {
  constructor(
    private readonly temporal: TemporalConnection,
    private readonly taskQueue: string,
    /** How long a progress query may wait for a worker. */
    private readonly queryTimeoutMs = 3_000,
  ) {
    super();
  }

  async start(input: CampaignInput): Promise<void> {
    await (
      await this.client()
    ).workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
      workflowId: campaignWorkflowId(input.campaignId),
      taskQueue: this.taskQueue,
      args: [input],
    });
  }

  /**
   * A query needs a worker: without one within the timeout, null rather than a request hanging on
   * Temporal.
   */
  async progress(campaignId: string): Promise<CampaignProgress | null> {
    const handle = (await this.client()).workflow.getHandle(campaignWorkflowId(campaignId));
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      handle.query(progressQuery).catch((error: unknown) => {
        if (error instanceof WorkflowNotFoundError || error instanceof QueryNotRegisteredError) return null;
        throw error;
      }),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.queryTimeoutMs))),
    ]).finally(() => clearTimeout(timer));
  }

  async request(campaignId: string, what: CampaignRequest, reason: string): Promise<void> {
    const handle = (await this.client()).workflow.getHandle(campaignWorkflowId(campaignId));
    if (what === 'pause') await handle.signal(pauseSignal);
    else if (what === 'resume') await handle.signal(resumeSignal);
    else if (what === 'retry') await handle.signal(retryFailedStepSignal);
    else if (what === 'cancel') await handle.signal(cancelSignal, { reason });
    else await handle.signal(changesSubmittedSignal);
  }

  private async client(): Promise<Client> {
    return new Client({
      connection: await this.temporal.get(),
      namespace: this.temporal.namespace,
      interceptors: temporalClientInterceptors(),
    });
  }
}
