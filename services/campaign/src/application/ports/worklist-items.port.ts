import type { KeysetPage } from '@vax/platform';
import type { WorklistReason } from '../../domain/classification/row-class';
import type { IdentityCorrection, WorklistItem, WorklistStatus } from '../../domain/worklists/worklist-item';

export interface WorklistEntry {
  itemId: string;
  reason: WorklistReason;
  status: WorklistStatus;
  dueOn: string;
  /** Where the row is in the site's own file, so staff can find it there. */
  sourceName: string;
  rowNumber: number;
  /** The row as the list has it (the site's own people: its staff may see them). */
  row: Record<string, string | number | null>;
  details: { differences?: { field: string; kind: string }[]; problems?: string; refusedBy?: string };
}

/** A worklist item a site may correct, with the campaign's state the correction is checked against. */
export interface CorrectableItem {
  item: WorklistItem;
  campaignRunning: boolean;
}

/** The rows sent back to sites (an abstract class so that it is also the Nest DI token). */
export abstract class WorklistItems {
  /** A page of a site's items by due day (then id), after the key of the previous page's last item. */
  abstract forSite(
    campaignId: string,
    siteId: string | null,
    filter: { status?: WorklistStatus; reason?: WorklistReason },
    page: KeysetPage,
  ): Promise<{ items: WorklistEntry[]; nextCursor: string | null }>;
  /**
   * In one transaction: the item, held against a concurrent change (undefined when the campaign has
   * no such item), given to `decide`; the corrected fields are kept beside the row as the site kept
   * it, by whom, and the item takes the status `decide` answers.
   */
  abstract correctOne(
    campaignId: string,
    itemId: string,
    correction: IdentityCorrection,
    correctedBy: string,
    decide: (found: CorrectableItem | undefined) => WorklistStatus,
  ): Promise<WorklistStatus>;
}
