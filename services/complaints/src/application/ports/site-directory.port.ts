import type { SitePlacement } from '../../domain/routing/handling-chain';

/** Where vaccination sites sit in the health hierarchy, and which province this deployment serves. */
export interface SiteDirectoryPort {
  readonly provinceCode: string;
  placementOf(siteId: string): SitePlacement | null;
}
