import type { KeysetPage } from '@vax/platform';

export interface CampaignRecord {
  campaignId: string;
  name: string;
  importIds: string[];
  deadline: string;
  worklistDueDays: number;
  status: string;
  createdBy: string;
}

/** A campaign as the managers' list shows it: its lists' size without counting their rows' outcomes. */
export interface CampaignListing extends Omit<CampaignRecord, 'worklistDueDays' | 'createdBy'> {
  createdAt: string;
  /** Rows of its lists (accepted and rejected). */
  rows: number;
}

/** The campaigns as recorded (an abstract class so that it is also the Nest DI token). */
export abstract class Campaigns {
  /** Imports that exist and are complete, of those asked for. */
  abstract finishedImports(importIds: string[]): Promise<string[]>;
  abstract create(campaign: CampaignRecord): Promise<void>;
  abstract find(campaignId: string): Promise<CampaignRecord | undefined>;
  /** A page of campaigns, newest first (then by id). */
  abstract list(page?: KeysetPage): Promise<{ items: CampaignListing[]; nextCursor: string | null }>;
}
