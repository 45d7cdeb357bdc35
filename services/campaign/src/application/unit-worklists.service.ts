import type { KeysetPage } from '@vax/platform';
import type { SiteDirectory } from '../domain/legacy-row/reference-directories';
import { type Reach, worklistSites } from '../domain/worklists/worklist-reach';
import type { UnitWorklists } from './ports/unit-worklists.port';

/** The campaigns a unit has work open in, cut to the caller's reach (a site, a district, the province). */
export class UnitWorklistsService {
  constructor(
    private readonly worklists: UnitWorklists,
    private readonly sites: SiteDirectory,
  ) {}

  forCaller(reach: Reach, askedSite: string | undefined, page: KeysetPage) {
    const sitesOfDistrict = (district: string) =>
      this.sites
        .all()
        .filter((s) => s.district === district)
        .map((s) => s.id);
    return this.worklists.campaigns(worklistSites(reach, askedSite, sitesOfDistrict), page);
  }
}
