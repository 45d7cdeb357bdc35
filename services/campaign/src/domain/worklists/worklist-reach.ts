import { WorklistRefused } from './worklist-item';

/** Where an actor's figures reach (libs/platform's figuresWithin): all, a district or one site; undefined, none. */
export type Reach = { district?: string; siteId?: string } | undefined;

/** The sites whose worklists to count; `null` means every row of the campaign, rows of no known site included. */
export type ReachedSites = string[] | null;

/**
 * Which sites' worklists an actor may see across campaigns, by the rule of the per-campaign routes
 * (checkSiteAccess): a site's own staff and head, its district's managers, the province's. A site
 * asked for narrows the answer and must lie within the actor's reach.
 */
export function worklistSites(
  reach: Reach,
  askedSite: string | undefined,
  sitesOfDistrict: (district: string) => string[],
): ReachedSites {
  if (reach === undefined) throw refused();
  const reachable =
    reach.siteId !== undefined ? [reach.siteId] : reach.district !== undefined ? sitesOfDistrict(reach.district) : null;
  if (askedSite === undefined) return reachable;
  if (reachable !== null && !reachable.includes(askedSite)) throw refused();
  return [askedSite];
}

const refused = () =>
  new WorklistRefused('siteId', 'ownSite', "only the site's own staff, its district's managers or the province's");
