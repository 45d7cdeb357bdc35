import type { Actor } from '@vax/event-sourcing';
import type { KeysetPage } from '@vax/platform';
import { randomBytes } from 'node:crypto';
import type { CampaignProgress } from '../workflows/campaign.messages';
import type { CampaignRequest, CampaignWorkflows } from './ports/campaign-workflows.port';
import type { CampaignListing, CampaignRecord, Campaigns } from './ports/campaigns.port';

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
  chunkSize: number;
  maxInFlight: number;
  worklistDueDays: number;
}

/** Starts campaigns as workflows and passes managers' and sites' requests to them. */
export class CampaignService {
  constructor(
    private readonly campaigns: Campaigns,
    private readonly workflows: CampaignWorkflows,
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
    await this.workflows.start({
      campaignId: campaign.campaignId,
      chunkSize: this.settings.chunkSize,
      maxInFlight: this.settings.maxInFlight,
      deadline: campaign.deadline,
    });
    return campaign;
  }

  list(page?: KeysetPage): Promise<{ items: CampaignListing[]; nextCursor: string | null }> {
    return this.campaigns.list(page);
  }

  find(campaignId: string): Promise<CampaignRecord | undefined> {
    return this.campaigns.find(campaignId);
  }

  /** The campaign as recorded, with its workflow's live progress when the workflow answers in time. */
  async status(campaignId: string): Promise<(CampaignRecord & { progress: CampaignProgress | null }) | undefined> {
    const campaign = await this.campaigns.find(campaignId);
    if (!campaign) return undefined;
    return { ...campaign, progress: await this.workflows.progress(campaignId) };
  }

  async signal(campaignId: string, what: CampaignRequest, reason = ''): Promise<boolean> {
    if (!(await this.campaigns.find(campaignId))) return false;
    await this.workflows.request(campaignId, what, reason);
    return true;
  }
}
