import type { CampaignProgress, CampaignInput } from '../../workflows/campaign.messages';

/** What a manager or a site may ask of a running campaign. */
export type CampaignRequest = 'pause' | 'resume' | 'retry' | 'cancel' | 'changes';

/**
 * The campaign workflows (one per campaign) as the campaign service drives them. An abstract class
 * so that it is also the Nest DI token.
 */
export abstract class CampaignWorkflows {
  abstract start(input: CampaignInput): Promise<void>;
  /** The workflow's live progress; null when it is unknown or no worker answers in time. */
  abstract progress(campaignId: string): Promise<CampaignProgress | null>;
  abstract request(campaignId: string, what: CampaignRequest, reason: string): Promise<void>;
}
