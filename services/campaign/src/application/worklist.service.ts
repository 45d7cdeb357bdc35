import type { Actor } from '@vax/event-sourcing';
import { type KeysetPage, PAGE_LIMIT_MAX } from '@vax/platform';
import type { WorklistReason } from '../domain/classification/row-class';
import {
  type IdentityCorrection,
  WorklistRefused,
  type WorklistStatus,
  correctItem,
} from '../domain/worklists/worklist-item';
import type { WorklistEntry, WorklistItems } from './ports/worklist-items.port';

/** The rows sent back to a site, and the site's corrections of them. */
export class WorklistService {
  constructor(
    private readonly items: WorklistItems,
    private readonly signalChanges: (campaignId: string) => Promise<unknown>,
  ) {}

  /** A page of a site's items by due day (then id), after the key of the previous page's last item. */
  forSite(
    campaignId: string,
    siteId: string | null,
    filter: { status?: WorklistStatus; reason?: WorklistReason } = {},
    page: KeysetPage = { after: null, limit: PAGE_LIMIT_MAX },
  ): Promise<{ items: WorklistEntry[]; nextCursor: string | null }> {
    return this.items.forSite(campaignId, siteId, filter, page);
  }

  /** Keeps the corrected fields beside the row as the site kept it, and asks the campaign to check it again. */
  async correct(
    campaignId: string,
    itemId: string,
    correction: IdentityCorrection,
    actor: Actor,
  ): Promise<WorklistStatus> {
    const status = await this.items.correctOne(campaignId, itemId, correction, actor.id, (found) => {
      if (!found) throw new WorklistRefused('itemId', 'known', 'no such worklist item in this campaign');
      if (!found.campaignRunning) throw new WorklistRefused('campaignId', 'running', 'the campaign is closed');
      return correctItem(found.item, correction, actor);
    });
    await this.signalChanges(campaignId);
    return status;
  }
}
