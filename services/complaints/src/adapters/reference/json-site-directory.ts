import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteDirectoryPort } from '../../application/ports/site-directory.port';
import type { SitePlacement } from '../../domain/routing/handling-chain';

interface SiteRow {
  id: string;
  kind: string;
  commune: string;
  district: string;
}

/** Site placements from reference/sites.json: a commune's station is its site of kind commune-station. */
export class JsonSiteDirectory implements SiteDirectoryPort {
  readonly provinceCode: string;
  private readonly placements: ReadonlyMap<string, SitePlacement>;
  private readonly areas: ReadonlyMap<string, { commune: string; district: string }>;

  constructor(document: { provinceCode: string; sites: SiteRow[] }) {
    this.provinceCode = document.provinceCode;
    const stationOf = (row: SiteRow) =>
      document.sites.find(
        (s) => s.kind === 'commune-station' && s.commune === row.commune && s.district === row.district,
      )?.id ?? null;
    this.areas = new Map(document.sites.map((row) => [row.id, { commune: row.commune, district: row.district }]));
    this.placements = new Map(
      document.sites.map((row) => [
        row.id,
        {
          siteId: row.id,
          isCommuneStation: row.kind === 'commune-station',
          communeStationId: row.kind === 'commune-station' ? null : stationOf(row),
          district: row.district,
        },
      ]),
    );
  }

  static fromReferenceFile(path = join(__dirname, '../../reference/sites.json')): JsonSiteDirectory {
    return new JsonSiteDirectory(JSON.parse(readFileSync(path, 'utf8')));
  }

  placementOf(siteId: string): SitePlacement | null {
    return this.placements.get(siteId) ?? null;
  }

  /** The commune and district of a site, for reports and managers' reach. */
  areaOf(siteId: string): { commune: string; district: string } | null {
    return this.areas.get(siteId) ?? null;
  }
}
