import { type FiguresWithin, siteIsWithin } from '@vax/platform';
import type { ReferenceData } from '../reference/reference-data';

/**
 * The sites whose figures a reader may see, for an index-friendly `site_id = any($n)` (null: every
 * site, unknown ones included, as for the province's managers).
 */
export function sitesWithin(reference: ReferenceData, within: FiguresWithin): string[] | null {
  if (within.siteId === undefined && within.district === undefined) return null;
  if (within.district === undefined) return [within.siteId!];
  return [...reference.sites.values()]
    .filter((s) => siteIsWithin(within, { siteId: s.id, district: s.district }))
    .map((s) => s.id);
}
