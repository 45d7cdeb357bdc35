import type { KeysetPage } from '@vax/platform';
import type { ReachedSites } from '../../domain/worklists/worklist-reach';

/** A campaign with work open for a unit: what a site's staff pick from to review. */
export interface UnitWorklistSummary {
  campaignId: string;
  name: string;
  deadline: string;
  status: string;
  createdAt: string;
  /** Rows to review (ambiguous-identity) still open or reopened, of the unit's sites. */
  openReviewItems: number;
  /** Every worklist item still open or reopened, of the unit's sites (rows to review included). */
  openWorklistItems: number;
}

/** The campaigns holding open worklist items of some sites (an abstract class, so also the DI token). */
export abstract class UnitWorklists {
  /** Newest campaign first (then by id); only campaigns with an open item of `sites` (null: of any row). */
  abstract campaigns(
    sites: ReachedSites,
    page: KeysetPage,
  ): Promise<{ items: UnitWorklistSummary[]; nextCursor: string | null }>;
}
