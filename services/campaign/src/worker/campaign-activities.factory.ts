import type { MessageSink } from '@vax/messaging';
import { vietnamToday } from '@vax/platform';
import type { Pool } from 'pg';
import { type CampaignActivities, createCampaignActivities } from '../activities/campaign.activities';
import { CampaignsRepository } from '../adapters/postgres/campaigns.repository';
import { DoseQueueRepository } from '../adapters/postgres/dose-queue.repository';
import { MergesRepository } from '../adapters/postgres/merges.repository';
import { VerificationRepository } from '../adapters/postgres/verification.repository';
import { WorklistsRepository } from '../adapters/postgres/worklists.repository';
import { DEFAULT_DUPLICATE_POLICY } from '../domain/duplicates/duplicate-detection';

export interface ActivitySettings {
  pollEveryMs: number;
  resendAfterMs: number;
  dosePageSize: number;
}

/** The activities over the campaign's database and the service's message sink (Kafka or the embedded bus). */
export function campaignActivitiesOn(pool: Pool, sink: MessageSink, settings: ActivitySettings): CampaignActivities {
  return createCampaignActivities({
    campaigns: new CampaignsRepository(pool),
    verification: new VerificationRepository(pool),
    merges: new MergesRepository(pool),
    doses: new DoseQueueRepository(pool),
    worklists: new WorklistsRepository(pool),
    sink,
    duplicatePolicy: DEFAULT_DUPLICATE_POLICY,
    recheckBatchSize: 2_000,
    today: () => vietnamToday(),
    ...settings,
  });
}
